package io.atomcover.cli;

import java.util.Locale;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Defaults spelled as a user types them, for {@code --help} ("Default: 1e-5", "cpsat") rather than as
 * Java prints them ("1.0E-5", "CPSAT"). It hands picocli the field's own initial value in that
 * spelling, which converts back to the same value, for numbers and enum constants only; every
 * other option keeps its default as declared.
 */
final class TypedDefaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg.defaultValue() != null) return null;
        Object v = arg.initialValue();
        if (v instanceof Double d) return typed(d);
        if (v instanceof Float f) return typed(f.doubleValue());
        if (v instanceof Enum<?> e) return e.name().toLowerCase(Locale.ROOT);
        return null;
    }

    /** 5.0 as "5", 1.0E-5 as "1e-5", 0.015 as "0.015": Java's shortest decimal, so it parses back to the same double. */
    static String typed(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        return mantissa + "e" + s.substring(e + 1);
    }
}
