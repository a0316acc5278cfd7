package io.github.edgeaddons.core;

import com.google.gson.JsonObject;

/** Reading one field of a store's JSON answer, leniently: absent or not a plain value reads as nothing. */
public final class Json {
    private Json() {}

    /** The field as text, or null when it is absent or not a plain value. */
    public static String string(JsonObject o, String name) {
        return o.has(name) && o.get(name).isJsonPrimitive() ? o.get(name).getAsString() : null;
    }

    /** The field as a boolean; false when it is absent or not a plain value. */
    public static boolean bool(JsonObject o, String name) {
        return o.has(name) && o.get(name).isJsonPrimitive() && o.get(name).getAsBoolean();
    }

    /** The field as a whole number, or -1 when it is absent or not a number. */
    public static long number(JsonObject o, String name) {
        try {
            return o.has(name) && o.get(name).isJsonPrimitive() ? o.get(name).getAsLong() : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
