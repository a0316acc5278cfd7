package io.github.edgeaddons.sim;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one way a test class starts the simulator: a static {@link EdgeApiSimulator} (or {@code chrome.ChromeWebStoreSimulator}, {@code firefox.AmoSimulator}) field marked
 * {@code @Simulator} gets a started simulator for the whole class, cleared and set back to its defaults
 * before each test, closed after the class ({@link SimulatorExtension}, registered by this annotation).
 *
 * <pre>
 * class SomeTest {
 *     &#64;Simulator
 *     private static EdgeApiSimulator sim;
 * </pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SimulatorExtension.class)
public @interface Simulator {
}
