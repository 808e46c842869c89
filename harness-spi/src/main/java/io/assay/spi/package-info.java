/**
 * The Assay plugin contract: the only package a plugin compiles against.
 *
 * <p>A plugin is a jar with a {@code META-INF/services/io.assay.spi.AssayPlugin} file naming one
 * {@link io.assay.spi.AssayPlugin} implementation. Everything here is an interface, a record, an
 * enum or an exception, and depends on nothing but the JDK, so plugins keep their own libraries
 * private. {@code TestSpiSignatures} pins this surface: changing it is a deliberate act.
 */
package io.assay.spi;
