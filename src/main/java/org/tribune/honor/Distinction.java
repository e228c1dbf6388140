package org.tribune.honor;

/** The kinds of award, in the order a prize page lists them. The constants are the wire values. */
public enum Distinction {
    laureate,
    special_mention,
    special_prize
}
