package io.assay.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the public surface of {@code io.assay.spi}: every plugin compiles against it, so a change
 * must be deliberate. Compares a rendered signature of every public type with the checked-in
 * {@code spi-signatures.txt}; {@code -Dassay.updateSignatures=true} rewrites that file instead.
 */
class TestSpiSignatures {
    private static final String REGENERATE =
            "If the change is intended, regenerate with: ./mvnw -pl harness-spi test -Dassay.updateSignatures=true";
    private static final String INDENT = "  ";

    @Test
    void spiMatchesTheCheckedInSignatures() throws Exception {
        List<String> actual = render(publicTypes());
        Path file = Path.of(System.getProperty("assay.signatureFile", "src/test/resources/spi-signatures.txt"));

        if (Boolean.getBoolean("assay.updateSignatures")) {
            Files.write(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            fail("no SPI signature file at " + file + ". " + REGENERATE);
        }
        List<String> expected = Files.readAllLines(file);
        if (!expected.equals(actual)) {
            fail("the SPI changed (- removed, + added):\n" + diff(expected, actual) + REGENERATE);
        }
    }

    @Test
    void findsNestedPublicTypes() throws Exception {
        assertThat(publicTypes()).contains(Finding.Severity.class, RewardCheckFactory.Context.class, AssayPlugin.class);
    }

    /** Every public type compiled into this module's {@code io/assay/spi} folder, nested ones included. */
    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(AssayPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = AssayPlugin.class.getPackageName();
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.equals("package-info.class")) {
                    Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()),
                            false, AssayPlugin.class.getClassLoader());
                    if (isPublicApi(type)) {
                        types.add(type);
                    }
                }
            }
        }
        types.sort(Comparator.comparing(Class::getName));
        return types;
    }

    private static boolean isPublicApi(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()
                    || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> render(List<Class<?>> types) {
        List<String> lines = new ArrayList<>();
        for (Class<?> type : types) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.add(declaration(type));
            List<String> members = new ArrayList<>();
            if (type.isEnum()) {
                members.add("constants " + Arrays.stream(type.getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", ")));
            }
            for (Field field : type.getDeclaredFields()) {
                if (isVisible(field.getModifiers()) && !field.isEnumConstant() && !field.isSynthetic()) {
                    members.add("field " + modifiers(field.getModifiers(), Modifier.fieldModifiers())
                            + field.getGenericType().getTypeName() + " " + field.getName());
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (isVisible(constructor.getModifiers()) && !constructor.isSynthetic()) {
                    members.add("constructor " + modifiers(constructor.getModifiers(), Modifier.constructorModifiers())
                            + type.getName() + parameters(constructor) + exceptions(constructor));
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (isVisible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                    members.add("method " + modifiers(method.getModifiers(), Modifier.methodModifiers())
                            + (method.isDefault() ? "default " : "") + typeParameters(method.getTypeParameters())
                            + method.getGenericReturnType().getTypeName() + " " + method.getName()
                            + parameters(method) + exceptions(method));
                }
            }
            members.stream().sorted().map(member -> INDENT + member).forEach(lines::add);
        }
        return lines;
    }

    private static String declaration(Class<?> type) {
        int implied = type.isInterface() ? Modifier.ABSTRACT | Modifier.STATIC
                : type.isEnum() || type.isRecord() ? Modifier.FINAL | Modifier.STATIC : 0;
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface"
                : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
        StringBuilder text = new StringBuilder(modifiers(type.getModifiers() & ~implied, Modifier.classModifiers()))
                .append(kind).append(' ').append(type.getName())
                .append(typeParameters(type.getTypeParameters()));
        if (type.isRecord()) {
            text.append(Arrays.stream(type.getRecordComponents())
                    .map(c -> c.getGenericType().getTypeName() + " " + c.getName())
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && !List.of(Object.class, Record.class).contains(superclass) && !type.isEnum()) {
            text.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            text.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(interfaces)
                    .map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Only the modifiers the language allows there: the class file reuses bits, such as varargs. */
    private static String modifiers(int modifiers, int allowed) {
        String text = Modifier.toString(modifiers & allowed);
        return text.isEmpty() ? "" : text + " ";
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(variable -> {
            List<Type> bounds = Arrays.stream(variable.getBounds()).filter(bound -> bound != Object.class).toList();
            return bounds.isEmpty() ? variable.getName() : variable.getName() + " extends "
                    + bounds.stream().map(Type::getTypeName).collect(Collectors.joining(" & "));
        }).collect(Collectors.joining(", ", "<", "> "));
    }

    private static String parameters(Executable executable) {
        Type[] types = executable.getGenericParameterTypes();
        List<String> rendered = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String name = types[i].getTypeName();
            boolean varargs = executable.isVarArgs() && i == types.length - 1;
            rendered.add(varargs ? name.substring(0, name.length() - 2) + "..." : name);
        }
        return rendered.stream().collect(Collectors.joining(", ", "(", ")"));
    }

    private static String exceptions(Executable executable) {
        Type[] thrown = executable.getGenericExceptionTypes();
        return thrown.length == 0 ? "" : " throws " + Arrays.stream(thrown).map(Type::getTypeName)
                .collect(Collectors.joining(", "));
    }

    /**
     * The changed lines, each under the type it belongs to. Based on the longest common
     * subsequence, so a changed member shows as one removed and one added line.
     */
    private static String diff(List<String> expected, List<String> actual) {
        int[][] common = new int[expected.size() + 1][actual.size() + 1];
        for (int i = expected.size() - 1; i >= 0; i--) {
            for (int j = actual.size() - 1; j >= 0; j--) {
                common[i][j] = expected.get(i).equals(actual.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        String type = "";
        String shownType = null;
        int i = 0;
        int j = 0;
        while (i < expected.size() || j < actual.size()) {
            String line;
            char mark;
            if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
                line = expected.get(i++);
                j++;
                mark = ' ';
            } else if (i < expected.size() && (j == actual.size() || common[i + 1][j] >= common[i][j + 1])) {
                line = expected.get(i++);
                mark = '-';
            } else {
                line = actual.get(j++);
                mark = '+';
            }
            boolean isDeclaration = !line.isEmpty() && !line.startsWith(INDENT);
            if (isDeclaration) {
                type = line;
            }
            if (mark != ' ' && !line.isEmpty()) {
                if (!isDeclaration && !type.equals(shownType)) {
                    out.append("  ").append(type).append('\n');
                }
                shownType = type;
                out.append(mark).append(' ').append(line).append('\n');
            }
        }
        return out.toString();
    }
}
