package io.assay.rank.arena;

import io.assay.launcher.InputException;

/**
 * The battles do not pin the ratings down: the comparison graph is disconnected, or some models
 * won (or lost) every battle against the rest, so their maximum-likelihood rating is infinite.
 */
public final class NotIdentifiableException extends InputException {
    NotIdentifiableException(String message) {
        super(message, "ratings need every model linked to every other by wins and losses both ways;"
                + " add battles, or drop the models named with --where");
    }
}
