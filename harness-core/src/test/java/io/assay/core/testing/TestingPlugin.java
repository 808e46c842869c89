package io.assay.core.testing;

import io.assay.spi.Agent;
import io.assay.spi.AgentFactory;
import io.assay.spi.AgentOutput;
import io.assay.spi.AssayPlugin;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentException;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.EnvironmentFactory;
import io.assay.spi.FatalEnvironmentException;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.ModelCall;
import io.assay.spi.Options;
import io.assay.spi.Problem;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import io.assay.spi.RewardResult;
import io.assay.spi.RunInfo;
import io.assay.spi.Suite;
import io.assay.spi.SuiteLoader;
import io.assay.spi.Sweeper;
import io.assay.spi.Task;
import io.assay.spi.VerdictException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Agents and checks for the core's own tests, found through META-INF/services on the test
 * classpath exactly as a real plugin is.
 */
public final class TestingPlugin implements AssayPlugin {
    /** Highest number of agent calls seen running at once, across all "sleepy" agents. */
    public static final AtomicInteger MAX_CONCURRENT = new AtomicInteger();
    private static final AtomicInteger RUNNING = new AtomicInteger();
    /** How many times a {@code counted} agent was called, per task id and epoch ({@code t0#0}). */
    public static final Map<String, AtomicInteger> COUNTED = new ConcurrentHashMap<>();
    /** The ids of the tasks every {@code counting} check was asked to grade, in order. */
    public static final Queue<String> GRADED = new ConcurrentLinkedQueue<>();
    /** The call a {@code fragile} check that gives no verdict says it paid for. */
    public static final ModelCall JUDGE_CALL = new ModelCall("openai", "judge-test", "judge-test", null, 30, 5,
            new BigDecimal("0.002"), 90, 1, "stop", null, null);

    @Override
    public List<AgentFactory> agents() {
        return List.of(
                agent("answer", options -> input -> AgentOutput.of(String.valueOf(input.task().answer()))),
                agent("wrong", options -> input -> AgentOutput.of("wrong")),
                agent("throws", options -> input -> {
                    throw new IllegalStateException("agent gave up");
                }),
                agent("counted", options -> {
                    long ms = Long.parseLong(options.string("ms", "300"));
                    return input -> {
                        COUNTED.computeIfAbsent(input.task().id() + "#" + input.epoch(), key -> new AtomicInteger())
                                .incrementAndGet();
                        Thread.sleep(ms);
                        return AgentOutput.of(String.valueOf(input.task().answer()));
                    };
                }),
                agent("sleepy", options -> {
                    long ms = Long.parseLong(options.string("ms", "50"));
                    return input -> {
                        int now = RUNNING.incrementAndGet();
                        MAX_CONCURRENT.accumulateAndGet(now, Math::max);
                        try {
                            Thread.sleep(ms);
                        } finally {
                            RUNNING.decrementAndGet();
                        }
                        return AgentOutput.of(String.valueOf(input.task().answer()));
                    };
                }),
                agent("flaky-env", options -> {
                    int failures = Integer.parseInt(options.string("failures", "1"));
                    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
                    return input -> {
                        String key = input.task().id() + "#" + input.epoch();
                        if (calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= failures) {
                            throw new EnvironmentException("sandbox did not start");
                        }
                        return AgentOutput.of(String.valueOf(input.task().answer()));
                    };
                }),
                agent("seed", options -> input -> AgentOutput.of(Long.toString(input.seed()))),
                // Its trial's seed decides: a harness error for one in five, else right when even, wrong when odd;
                // so a run's summary has errors, passes and failures, the same for the same seeds.
                agent("coin", options -> input -> {
                    if (Math.floorMod(input.seed(), 5) == 0) {
                        throw new EnvironmentException("sandbox lost (seed " + input.seed() + ")");
                    }
                    return AgentOutput.of(input.seed() % 2 == 0 ? String.valueOf(input.task().answer()) : "wrong");
                }),
                // Calls a "model" whose key is in key_file: every call fails fatally, as a refused key
                // does, until the file says "good"; then it answers right.
                agent("keyed", options -> {
                    Path keyFile = Path.of(options.string("key_file"));
                    return input -> {
                        if (!Files.readString(keyFile).equals("good")) {
                            throw new FatalEnvironmentException("HTTP 401 from the model: key refused");
                        }
                        return AgentOutput.of(String.valueOf(input.task().answer()));
                    };
                }),
                // Fails fatally on one task (its endpoint is wrong, say), answers the others right.
                agent("fatal-on", options -> {
                    String task = options.string("task");
                    return input -> {
                        if (input.task().id().equals(task)) {
                            throw new FatalEnvironmentException("HTTP 404 for task " + task);
                        }
                        return AgentOutput.of(String.valueOf(input.task().answer()));
                    };
                }),
                // Answers right after one recorded model call of the given cost, served as the given model.
                agent("spender", options -> {
                    String served = options.string("served", "gpt-test-2026-01-01");
                    BigDecimal cost = new BigDecimal(options.string("cost", "0.01"));
                    return input -> new AgentOutput(String.valueOf(input.task().answer()), List.of(new ModelCall("openai",
                            "gpt-test", served, "fp_" + (input.epoch() % 2), 100, 20, cost, 200, 1, "stop", null, null)
                            .step()));
                }));
    }

    /**
     * {@code environment: {type: needs-file, file: PATH}}: validates anywhere, but a run's
     * environment cannot start until the file exists, as a sandbox suite's cannot without Docker.
     */
    @Override
    public List<EnvironmentFactory> environments() {
        return List.of(new EnvironmentFactory() {
            @Override
            public String name() {
                return "needs-file";
            }

            @Override
            public Environment create(Options options) {
                options.allowOnly("type", "file");
                return (task, seed) -> () -> { };
            }

            @Override
            public Environment create(Options options, RunInfo run) {
                if (!Files.exists(Path.of(options.string("file")))) {
                    throw new EnvironmentException("Docker is needed for this suite and none is reachable");
                }
                return create(options);
            }
        });
    }

    @Override
    public List<RewardCheckFactory> rewardChecks() {
        return List.of(new RewardCheckFactory() {
            @Override
            public String name() {
                return "equals";
            }

            @Override
            public RewardCheck create(Options options, Context context) {
                options.allowOnly("type");
                return (task, output, environment) -> Objects.equals(String.valueOf(task.answer()), output.answer())
                        ? RewardResult.pass("equal")
                        : RewardResult.fail("expected " + task.answer() + ", got " + output.answer());
            }
        }, check("counting", options -> (task, output, environment) -> {
            // "equals" that records which task it grades, so a test sees which references a load graded.
            GRADED.add(task.id());
            return Objects.equals(String.valueOf(task.answer()), output.answer())
                    ? RewardResult.pass("equal") : RewardResult.fail("not equal");
        }), check("broken", options -> (task, output, environment) -> {
            throw new IllegalStateException("grader bug");
        }), new RewardCheckFactory() {
            @Override
            public String name() {
                return "fragile";
            }

            @Override
            public RewardCheck create(Options options, Context context) {
                // A grader bug that loading cannot see: the reference passes; any other reply fails as
                // fails_with says: throws (unchecked, the default), throws a checked exception it does
                // not declare (checked), gives no verdict (verdict), returns nothing (nothing) or is
                // interrupted, as a check is when the run stops (interrupted).
                options.allowOnly("type", "fails_with");
                String failure = options.string("fails_with", "unchecked");
                return (task, output, environment) -> {
                    if (output.answer().equals(String.valueOf(task.answer()))) {
                        return RewardResult.pass("the reference");
                    }
                    return switch (failure) {
                        case "checked" -> throw TestingPlugin.<RuntimeException>sneaky(new IOException("grader lost its file"));
                        case "verdict" -> throw new VerdictException("the judge mumbled",
                                Map.of("reply", "mumble", "model_calls", List.of(JUDGE_CALL.step().data())));
                        case "nothing" -> null;
                        case "interrupted" -> throw new InterruptedException("stopped while grading");
                        default -> throw new IllegalStateException("grader bug");
                    };
                };
            }
        }, new RewardCheckFactory() {
            @Override
            public String name() {
                return "remote";
            }

            @Override
            public RewardCheck create(Options options, Context context) {
                // Stands in for a judge: calling it is a bug wherever a model call must not happen.
                return new RewardCheck() {
                    @Override
                    public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
                        throw new IllegalStateException("the remote check was called");
                    }

                    @Override
                    public boolean remote() {
                        return true;
                    }
                };
            }
        }, new RewardCheckFactory() {
            @Override
            public String name() {
                return "answer-is";
            }

            @Override
            public RewardCheck create(Options options, Context context) {
                // Stands in for a check the command line configures, as --judge-model does a judge: the
                // answer must be the spec's value, else the value of the run's defaults for this type.
                options.allowOnly("type", "value");
                String value = options.string("value", context.defaults(name()).string("value", null));
                return new RewardCheck() {
                    @Override
                    public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
                        if (value == null) {
                            throw new VerdictException("no value to compare with: give the run one");
                        }
                        return value.equals(output.answer()) ? RewardResult.pass("is " + value)
                                : RewardResult.fail("is not " + value);
                    }

                    @Override
                    public boolean remote() {
                        return true; // like a judge, never graded while the suite loads
                    }
                };
            }
        }, new RewardCheckFactory() {
            @Override
            public String name() {
                return "alternating";
            }

            @Override
            public RewardCheck create(Options options, Context context) {
                // A grader with hidden state: each (task, answer) passes on its 1st, 3rd, 5th... grading.
                // Counting per pair keeps it predictable when tasks are graded concurrently.
                options.allowOnly("type");
                Map<String, AtomicInteger> gradings = new ConcurrentHashMap<>();
                return (task, output, environment) -> gradings.computeIfAbsent(task.id() + "\u0000" + output.answer(),
                        key -> new AtomicInteger()).getAndIncrement() % 2 == 0
                        ? RewardResult.pass("lucky this time")
                        : RewardResult.fail("unlucky this time");
            }
        });
    }

    /** Throws {@code e}, checked or not, where the compiler does not let it be declared. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }

    /**
     * A format with splits, as tau2-bench's: a directory with {@code splits.txt}, one split a line,
     * {@code NAME: ID ID ...}. It loads the tasks of the split the context names, else every task;
     * each task's answer is its id, graded by {@code equals}.
     */
    @Override
    public List<SuiteLoader> suiteLoaders() {
        return List.of(new SuiteLoader() {
            @Override
            public String name() {
                return "split-suite";
            }

            @Override
            public boolean accepts(Path directory) {
                return Files.exists(directory.resolve("splits.txt"));
            }

            @Override
            public Suite load(Path directory, Context context) throws IOException {
                Path file = directory.resolve("splits.txt");
                Map<String, List<String>> splits = new LinkedHashMap<>();
                for (String line : Files.readAllLines(file)) {
                    String[] nameAndIds = line.split(":", 2);
                    splits.put(nameAndIds[0].strip(), List.of(nameAndIds[1].strip().split("\\s+")));
                }
                Optional<String> split = context.split();
                if (split.isPresent() && !splits.containsKey(split.get())) {
                    throw new InvalidSuiteException(List.of(new Problem(file, 0, "split",
                            "no split '" + split.get() + "'; expected one of " + splits.keySet())));
                }
                List<Task> tasks = (split.isPresent() ? splits.get(split.get())
                        : splits.values().stream().flatMap(List::stream).distinct().toList()).stream()
                        .map(id -> new Task(id, "say " + id, id, null, Map.of(), null)).toList();
                return new Suite("splits", "1", "", "saying ids", null, new Options("environment", Map.of("type", "none")),
                        new Options("reward", Map.of("type", "equals")), tasks, directory, "sha256:splits");
            }
        });
    }

    /** Finds one thing left behind each time it is called, as if a killed run had left it. */
    @Override
    public List<Sweeper> sweepers() {
        return List.of(new Sweeper() {
            @Override
            public String name() {
                return "leftovers";
            }

            @Override
            public int sweep() {
                return 1;
            }
        });
    }

    private static AgentFactory agent(String name, Function<Options, Agent> create) {
        return new AgentFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Agent create(Options options) {
                return create.apply(options);
            }
        };
    }

    private static RewardCheckFactory check(String name, Function<Options, RewardCheck> create) {
        return new RewardCheckFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RewardCheck create(Options options, Context context) {
                return create.apply(options);
            }
        };
    }
}
