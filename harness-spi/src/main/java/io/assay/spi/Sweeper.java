package io.assay.spi;

/**
 * Removes what a plugin's runs left behind when they were killed before they could clean up, such
 * as the sandbox containers of a JVM that died mid-run. {@code assay gc} calls the sweepers of every
 * loaded plugin and reports how much they removed in all. A sweeper removes only what belongs to
 * processes that are no longer running, so a run in progress keeps its resources.
 *
 * <pre>{@code
 * public final class ScratchSweeper implements Sweeper {
 *     public String name() { return "scratch-dirs"; }
 *     public String description() { return "removes scratch directories of runs that are no longer running"; }
 *     public int sweep() throws IOException {
 *         int removed = 0;
 *         for (Path directory : scratchDirectoriesOfDeadProcesses()) {
 *             deleteRecursively(directory);
 *             removed++;
 *         }
 *         return removed;
 *     }
 * }
 * }</pre>
 */
public interface Sweeper extends Component {

    /**
     * Removes what runs that are no longer running left behind.
     *
     * @return how many things (containers, directories...) were removed
     * @throws EnvironmentException when what it sweeps cannot be reached, such as a Docker engine:
     *     the user sees its message, without a stack trace
     */
    int sweep() throws Exception;
}
