package org.tribune.webhook;

/** The names are the stored and the API's values. */
public enum DeliveryState {
    /** Waiting for its first attempt or a retry. */
    pending,
    /** The endpoint answered 2xx. */
    succeeded,
    /** Given up: a 4xx other than 408 and 429, or retries for longer than the retry window, or its endpoint gone. */
    failed
}
