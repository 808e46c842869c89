package io.assay.agents;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.spi.AssayPlugin;
import io.assay.spi.Component;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TestReferenceAgentsPlugin {

    @Test
    void isFoundByTheServiceLoaderWithEveryReferenceAgent() {
        assertThat(ServiceLoader.load(AssayPlugin.class).stream().map(ServiceLoader.Provider::get))
                .singleElement()
                .isInstanceOf(ReferenceAgentsPlugin.class)
                .satisfies(plugin -> assertThat(plugin.agents()).extracting(Component::name)
                        .containsExactly("null", "oracle", "scripted", "sleep", "chat", "react"));
    }
}
