package org.tribune.honor;

/** How the council voted. The constants are the wire values. */
public enum Vote {
    unanimous,
    majority
}
