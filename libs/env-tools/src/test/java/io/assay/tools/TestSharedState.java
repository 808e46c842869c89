package io.assay.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trials share what they do not change: frozen data refuses changes, copies share it, writes copy first. */
class TestSharedState {
    private static final ObjectNode DATA = SharedState.freeze(data());

    private static ObjectNode data() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.putObject("accounts").putObject("acc_ana").put("owner", "Ana").putArray("tags").add("vip");
        data.with("accounts").putObject("acc_bo").put("owner", "Bo");
        return data;
    }

    @Test
    void frozenDataRefusesEveryChangeAtAnyDepth() {
        assertThatThrownBy(() -> DATA.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((ObjectNode) DATA.get("accounts").get("acc_ana")).put("owner", "Eve"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((com.fasterxml.jackson.databind.node.ArrayNode) DATA.at("/accounts/acc_ana/tags")).add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        ObjectNode copy = (ObjectNode) DATA.get("accounts").get("acc_ana").deepCopy();
        copy.put("owner", "Eve");
        assertThat(copy.get("owner").asText()).as("a deep copy can change").isEqualTo("Eve");
    }

    @Test
    void aCopySharesTheFrozenPartsAndAWriteCopiesOnlyWhatItChanges() {
        ObjectNode state = SharedState.copy(DATA);
        assertThat(state).isNotSameAs(DATA);
        assertThat(state.get("accounts")).isSameAs(DATA.get("accounts"));

        ObjectNode accounts = SharedState.writable(state, "accounts");
        ObjectNode ana = SharedState.writable(accounts, "acc_ana");
        ana.put("owner", "Eve");

        assertThat(DATA.at("/accounts/acc_ana/owner").asText()).as("the shared data is untouched").isEqualTo("Ana");
        assertThat(state.at("/accounts/acc_ana/owner").asText()).isEqualTo("Eve");
        assertThat(accounts.get("acc_bo")).as("records not written stay shared").isSameAs(DATA.at("/accounts/acc_bo"));
        assertThat(SharedState.writable(state, "missing")).isNull();
    }

    @Test
    void frozenPartsReadAsTheSameMapsEveryTimeAndConvertBackToTheSameNodes() {
        Map<String, Object> first = StateJson.toMap(SharedState.copy(DATA));
        Map<String, Object> second = StateJson.toMap(SharedState.copy(DATA));

        assertThat(first.get("accounts")).isSameAs(second.get("accounts")).isEqualTo(Map.of(
                "acc_ana", Map.of("owner", "Ana", "tags", java.util.List.of("vip")), "acc_bo", Map.of("owner", "Bo")));
        assertThat(StateJson.toTree(first).get("accounts")).isSameAs(DATA.get("accounts"));
    }

    @Test
    void aRefusedWriteOnSharedDataIsRolledBackWithoutTouchingIt() throws Exception {
        Domain shared = new Domain() {
            @Override
            public ObjectNode initialState() {
                return SharedState.copy(DATA);
            }

            @Override
            public java.util.List<DomainTool> tools() {
                return java.util.List.of(new DomainTool() {
                    @Override
                    public io.assay.spi.Tool spec() {
                        return new io.assay.spi.Tool("rename", "Renames Ana, then refuses.", LedgerDomain.schema(), false);
                    }

                    @Override
                    public com.fasterxml.jackson.databind.JsonNode call(ObjectNode state, io.assay.spi.Options arguments) {
                        SharedState.writable(SharedState.writable(state, "accounts"), "acc_ana").put("owner", "Eve");
                        throw new ToolException("renaming is not allowed");
                    }
                });
            }
        };
        try (var environment = new ToolEnvironmentFactory("shared", "test", () -> shared)
                .create(io.assay.spi.Options.of(Map.of("type", "shared")));
             var session = environment.start(io.assay.testkit.TaskBuilder.task("t").prompt("hi").build(), 0)) {
            io.assay.spi.ToolEnvironment tools = (io.assay.spi.ToolEnvironment) session;

            assertThat(tools.call("rename", Map.of()).error()).isTrue();
            assertThat(tools.state()).isEqualTo(StateJson.toMap(DATA));
            assertThat(DATA.at("/accounts/acc_ana/owner").asText()).isEqualTo("Ana");
        }
    }
}
