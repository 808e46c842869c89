package io.assay.models;

import java.time.Duration;

/** Waits; the seam through which retry and rate-limit tests observe waits instead of sitting through them. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
