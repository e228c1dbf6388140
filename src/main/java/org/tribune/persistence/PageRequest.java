package org.tribune.persistence;

/** A validated page position; repositories turn it into LIMIT and OFFSET. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** The largest page whose offset still fits an int. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    public int offset() {
        return (page - 1) * size;
    }
}
