package io.assay.launcher;

/**
 * One component of a loaded plugin, as {@code assay plugins} lists it.
 *
 * @param kind what sort of component, as users name it: {@code agent}, {@code reward-check}, {@code sweeper}...
 * @param name the name users select it by
 * @param version its plugin's version, or {@code unknown}
 * @param source the jar or directory its plugin was loaded from
 * @param plugin the class name of the plugin that contributed it
 * @param description one line about it
 */
public record InstalledComponent(String kind, String name, String version, String source, String plugin,
                                 String description) {
}
