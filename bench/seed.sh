# Sourced by the benchmarks that need a seeded site (bench/reads.sh, bench/scale-out.sh). seed_site writes, through
# the API at $BASE with an admin's $TOKEN, the data shape of the issue: 5 categories, 5 photos (1600 × 1000 JPEG),
# $API_POSTS posts in 1 or 2 categories, 60% with a featured photo (with SEED_TAGS=true, 2 tags each, one of them
# one of 40), 10 honorary citizens with portraits, a prize with 20 awards. Needs $WORK (a directory), and post and json as bench/reads.sh defines them.
seed_site() {
  categories=()
  for name in "Droits humains" "Solidarité internationale" "Droits LGBTQIA+" "Liberté d'expression" "Égalité"; do
    categories+=("$(post /api/v1/categories "{\"name\": \"$name\"}" | json '["id"]')")
  done
  jshell -R-Djava.awt.headless=true - > /dev/null <<JSH
for (int i = 0; i < 5; i++) {
  var image = new java.awt.image.BufferedImage(1600, 1000, java.awt.image.BufferedImage.TYPE_INT_RGB);
  var g = image.createGraphics(); g.setColor(new java.awt.Color(40 * i, 120, 200 - 30 * i)); g.fillRect(0, 0, 1600, 1000);
  javax.imageio.ImageIO.write(image, "jpg", new java.io.File("$WORK/photo-" + i + ".jpg"));
}
/exit
JSH
  photos=()
  for i in 0 1 2 3 4; do
    photos+=("$(curl -sf -X POST "$BASE/api/v1/media" -H "Authorization: Bearer $TOKEN" \
      -F "file=@$WORK/photo-$i.jpg" -F "alt=Photo $i du conseil" | json '["id"]')")
  done
  cfg="$WORK/posts.curl"
  for i in $(seq 1 "$API_POSTS"); do
    cats="\\\"${categories[$((i % 5))]}\\\""
    (( i % 2 == 0 )) && cats="$cats, \\\"${categories[$(((i + 2) % 5))]}\\\""
    photo=""
    (( i % 5 < 3 )) && photo=", \\\"featuredMedia\\\": \\\"${photos[$((i % 5))]}\\\""
    [ "${SEED_TAGS:-false}" = true ] && photo="$photo, \\\"tags\\\": [\\\"Conseil de Paris\\\", \\\"Vœu $((i % 40))\\\"]"
    printf 'url = "%s/api/v1/posts"\nrequest = "POST"\nheader = "Content-Type: application/json"\nheader = "Authorization: Bearer %s"\noutput = "/dev/null"\ndata = "{\\"title\\": \\"Communiqué %d du Conseil de Paris\\", \\"content\\": \\"<p>Le Conseil a adopté le vœu numéro %d en faveur des droits humains.</p><p>Un second paragraphe donne au texte une taille réaliste.</p>\\", \\"categories\\": [%s]%s, \\"publishedAt\\": \\"%04d-%02d-%02dT10:00:00Z\\"}"\nnext\n' \
      "$BASE" "$TOKEN" "$i" "$i" "$cats" "$photo" $((2010 + i % 15)) $((i % 12 + 1)) $((i % 28 + 1)) >> "$cfg"
  done
  sed -i '$ d' "$cfg"
  curl -s --no-progress-meter --fail-early --parallel --parallel-max 4 -K "$cfg"
  for i in $(seq 1 10); do
    post /api/v1/honorary-citizens "{\"name\": \"Citoyenne d'honneur $i\", \"description\": \"Défenseuse des droits humains\", \"country\": \"IR\", \"conferredOn\": \"2024-0$((i % 9 + 1))-15\", \"vote\": \"unanimous\", \"portrait\": \"${photos[$((i % 5))]}\"}" > /dev/null
  done
  PRIZE=$(post /api/v1/prizes '{"name": "Prix des droits humains"}' | json '["id"]')
  for i in $(seq 1 20); do
    post /api/v1/awards "{\"prize\": \"$PRIZE\", \"year\": $((2015 + i % 10)), \"category\": \"Prix international\", \"distinction\": \"laureate\", \"recipientName\": \"Lauréate $i\", \"country\": \"TN\"}" > /dev/null
  done
}

# What the read benchmarks ask for on a seeded site of $POSTS posts: ONE (the newest post's id), CATEGORY (a
# category's slug) and DEEP (the cursor after post 8,000, or the last page's, as a client paging deep holds it).
read_targets() {
  ONE=$(curl -sf "$BASE/api/v1/posts?size=1" | json '["items"][0]["id"]')
  CATEGORY=$(curl -sf "$BASE/api/v1/categories?sort=name" | json '["items"][0]["slug"]')
  DEEP=$(curl -sf "$BASE/api/v1/posts?size=20&page=$(( POSTS >= 8020 ? 400 : POSTS / 20 - 1 ))" | json '["next"]')
}
