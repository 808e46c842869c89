package io.assay.trust.bundle;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Whether a zip's bytes hold nothing but its entries, one after another from the first byte, then
 * its central directory. A zip reader that walks local headers from the front and one that trusts
 * the central directory at the end read the same entries only in such a zip; bytes before the first
 * entry, between entries or over each other are where a second set of entries can hide.
 *
 * <pre>{@code
 * List<String> problems = ZipLayout.problems(Path.of("claim.zip")); // empty for a zip assay bundle wrote
 * }</pre>
 */
final class ZipLayout {
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int END64 = 0x06064b50;
    private static final int END64_LOCATOR = 0x07064b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final long MAX32 = 0xFFFFFFFFL;

    private ZipLayout() {
    }

    /** One central directory record: the entry's name, compressed size and where its local header is. */
    private record Central(String name, long compressedSize, long size, long offset) {
    }

    /**
     * Every way the layout of {@code zip} departs from entries back to back from byte 0, each ending
     * where the next begins and the last where the central directory begins; empty when it does not.
     *
     * @throws ZipException or {@link EOFException} when there is no readable central directory
     */
    static List<String> problems(Path zip) throws IOException {
        try (FileChannel file = FileChannel.open(zip, StandardOpenOption.READ)) {
            long endAt = findEnd(file);
            ByteBuffer end = read(file, endAt, 22);
            long count = Short.toUnsignedLong(end.getShort(10));
            long directorySize = Integer.toUnsignedLong(end.getInt(12));
            long directoryAt = Integer.toUnsignedLong(end.getInt(16));
            long directoryEnds = endAt;
            if (directoryAt == MAX32 || count == 0xFFFF || directorySize == MAX32) {
                ByteBuffer locator = read(file, endAt - 20, 20);
                if (locator.getInt(0) != END64_LOCATOR) {
                    throw new ZipException("no zip64 end record locator before the end record");
                }
                directoryEnds = locator.getLong(8);
                ByteBuffer end64 = read(file, directoryEnds, 56);
                if (end64.getInt(0) != END64) {
                    throw new ZipException("no zip64 end record where its locator points");
                }
                count = end64.getLong(32);
                directorySize = end64.getLong(40);
                directoryAt = end64.getLong(48);
            }
            List<String> problems = new ArrayList<>();
            if (directoryAt + directorySize != directoryEnds) {
                problems.add((directoryEnds - directorySize - directoryAt) + " bytes before or inside the entries that no"
                        + " entry accounts for (the central directory is recorded at byte " + directoryAt
                        + " but is at byte " + (directoryEnds - directorySize) + ")");
                return problems;
            }
            long next = 0;
            for (Central entry : central(file, directoryAt, directorySize, count)) {
                if (entry.offset() != next) {
                    problems.add(entry.name() + ": starts at byte " + entry.offset() + ", not " + next
                            + " where the entry before it ends (bytes between or under entries)");
                    return problems;
                }
                next = afterLocal(file, entry);
            }
            if (next != directoryAt) {
                problems.add((directoryAt - next) + " bytes between the last entry and the central directory");
            }
            return problems;
        }
    }

    /** The end of central directory record: the last one, searched back over the longest comment a zip may have. */
    private static long findEnd(FileChannel file) throws IOException {
        long size = file.size();
        long from = Math.max(0, size - 22 - 0xFFFF);
        if (size < 22) {
            throw new ZipException("too short to be a zip (" + size + " bytes)");
        }
        ByteBuffer tail = read(file, from, (int) (size - from));
        for (int at = tail.limit() - 22; at >= 0; at--) {
            if (tail.getInt(at) == END && at + 22 + Short.toUnsignedInt(tail.getShort(at + 20)) == tail.limit()) {
                return from + at;
            }
        }
        throw new ZipException("no end of central directory record");
    }

    private static List<Central> central(FileChannel file, long at, long size, long count) throws IOException {
        if (size > Integer.MAX_VALUE) {
            throw new ZipException("a central directory of " + size + " bytes");
        }
        ByteBuffer directory = read(file, at, (int) size);
        List<Central> entries = new ArrayList<>();
        int position = 0;
        for (long i = 0; i < count; i++) {
            if (position + 46 > directory.limit() || directory.getInt(position) != CENTRAL) {
                throw new ZipException("central directory record " + (i + 1) + " of " + count + " is not one");
            }
            int nameLength = Short.toUnsignedInt(directory.getShort(position + 28));
            int extraLength = Short.toUnsignedInt(directory.getShort(position + 30));
            int commentLength = Short.toUnsignedInt(directory.getShort(position + 32));
            long compressed = Integer.toUnsignedLong(directory.getInt(position + 20));
            long size32 = Integer.toUnsignedLong(directory.getInt(position + 24));
            long offset = Integer.toUnsignedLong(directory.getInt(position + 42));
            byte[] name = new byte[nameLength];
            directory.get(position + 46, name);
            long[] wide = zip64(directory, position + 46 + nameLength, extraLength,
                    size32 == MAX32, compressed == MAX32, offset == MAX32);
            entries.add(new Central(new String(name, StandardCharsets.UTF_8),
                    compressed == MAX32 ? wide[1] : compressed, size32 == MAX32 ? wide[0] : size32,
                    offset == MAX32 ? wide[2] : offset));
            position += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    /** The zip64 extra field's size, compressed size and offset, present only for those that overflowed. */
    private static long[] zip64(ByteBuffer buffer, int at, int length, boolean size, boolean compressed, boolean offset) {
        long[] values = new long[3];
        for (int field = at; field + 4 <= at + length; ) {
            int id = Short.toUnsignedInt(buffer.getShort(field));
            int dataLength = Short.toUnsignedInt(buffer.getShort(field + 2));
            if (id == 0x0001) {
                int value = field + 4;
                boolean[] present = {size, compressed, offset};
                for (int i = 0; i < 3; i++) {
                    if (present[i] && value + 8 <= field + 4 + dataLength) {
                        values[i] = buffer.getLong(value);
                        value += 8;
                    }
                }
            }
            field += 4 + dataLength;
        }
        return values;
    }

    /** Where the entry whose local header is at {@code entry.offset()} ends: header, data, data descriptor. */
    private static long afterLocal(FileChannel file, Central entry) throws IOException {
        ByteBuffer local = read(file, entry.offset(), 30);
        if (local.getInt(0) != LOCAL) {
            throw new ZipException(entry.name() + ": no local header at byte " + entry.offset());
        }
        int nameLength = Short.toUnsignedInt(local.getShort(26));
        int extraLength = Short.toUnsignedInt(local.getShort(28));
        byte[] name = new byte[nameLength];
        read(file, entry.offset() + 30, nameLength).get(name);
        if (!new String(name, StandardCharsets.UTF_8).equals(entry.name())) {
            throw new ZipException(entry.name() + ": the local header at byte " + entry.offset() + " names "
                    + new String(name, StandardCharsets.UTF_8));
        }
        long dataEnds = entry.offset() + 30 + nameLength + extraLength + entry.compressedSize();
        if ((local.getShort(6) & 0x08) == 0) {
            return dataEnds;
        }
        boolean wide = entry.compressedSize() >= MAX32 || entry.size() >= MAX32;
        boolean signed = file.size() >= dataEnds + 4 && read(file, dataEnds, 4).getInt(0) == DESCRIPTOR;
        return dataEnds + (signed ? 4 : 0) + 4 + (wide ? 16 : 8);
    }

    private static ByteBuffer read(FileChannel file, long at, int length) throws IOException {
        if (at < 0 || at + length > file.size()) {
            throw new EOFException("the zip ends before byte " + (at + length));
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, at + buffer.position()) < 0) {
                throw new EOFException("the zip ends before byte " + (at + length));
            }
        }
        return buffer.flip();
    }
}
