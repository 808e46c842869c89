/**
 * What plugins and the core share beyond the contract: problems located by file and line
 * ({@link io.assay.kit.Problems}), documents that remember the line of each field
 * ({@link io.assay.kit.LocatedDocument}, {@link io.assay.kit.TomlLines}), a bounded parallel map
 * on virtual threads ({@link io.assay.kit.Parallel}), excerpts of long text
 * ({@link io.assay.kit.Excerpt}), plain JSON values as text ({@link io.assay.kit.JsonValues}) and
 * counted nouns ({@link io.assay.kit.Plural}).
 *
 * <p>Like {@code io.assay.spi}, the kit depends on the JDK and the SPI only, so it brings no
 * library version into a plugin: readers parse with their own library and hand the kit plain
 * values and line numbers.
 */
package io.assay.kit;
