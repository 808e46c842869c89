package io.assay.core.testing;

import io.assay.core.plugin.RegisteredComponent;
import io.assay.core.plugin.RegisteredComponent.Kind;
import io.assay.spi.Component;
import io.assay.spi.Options;
import io.assay.spi.ResultSink;
import io.assay.spi.ResultSinkFactory;
import io.assay.spi.RunInfo;
import io.assay.spi.Sweeper;

/** Components registered as a plugin's would be, for tests that bind their own registry. */
public final class FakeComponents {

    private FakeComponents() {
    }

    /** A result sink named {@code name} that every run opening it gets as {@code sink}. */
    public static RegisteredComponent resultSink(String name, ResultSink sink) {
        return registered(Kind.RESULT_SINK, new ResultSinkFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ResultSink open(Options options, RunInfo run) {
                return sink;
            }
        });
    }

    /** A sweeper that removes {@code removes} things whenever it is called. */
    public static RegisteredComponent sweeper(String name, int removes) {
        return registered(Kind.SWEEPER, new Sweeper() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int sweep() {
                return removes;
            }
        });
    }

    private static RegisteredComponent registered(Kind kind, Component component) {
        return new RegisteredComponent(kind, component, "test", "0", "test");
    }
}
