-- Requests the path given on the command line with a random page in [lo, hi]: wrk ... -s random-page.lua URL -- lo hi
-- Varying the page keeps H2 from answering repeated identical queries from its last result.
local lo, hi

function init(args)
  lo = tonumber(args[1])
  hi = tonumber(args[2])
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "page=" .. math.random(lo, hi))
end
