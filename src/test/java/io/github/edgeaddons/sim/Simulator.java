package io.github.edgeaddons.sim;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static {@link EdgeApiSimulator} field that {@link SimulatorExtension} fills with a started
 * simulator for the whole test class.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Simulator {
}
