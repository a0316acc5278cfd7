package io.github.edgeaddons.sim;

import io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator;
import io.github.edgeaddons.sim.firefox.AmoSimulator;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one home of a test class's simulator lifecycle: one {@link EdgeApiSimulator} per class, started
 * before the class's own {@code @BeforeAll} methods and put into its static {@link Simulator} field;
 * before each test (ahead of the class's own {@code @BeforeEach} methods) its records, operations,
 * faults and tokens are cleared and its configuration restored to the defaults, so tests pass in any
 * order; closed after the class's own {@code @AfterAll} methods. The field may also be a
 * {@link ChromeWebStoreSimulator} or an {@link AmoSimulator}: it is started, reset ({@link ChromeWebStoreSimulator#reset()},
 * {@link AmoSimulator#reset()}) and closed the same way.
 *
 * <p>Registered by the {@link Simulator} annotation itself: a test class names neither this class nor
 * {@code @ExtendWith}.
 */
public final class SimulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SimulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Field field = simulatorField(context.getRequiredTestClass());
        AutoCloseable sim = field.getType() == ChromeWebStoreSimulator.class ? new ChromeWebStoreSimulator().start()
                : field.getType() == AmoSimulator.class ? new AmoSimulator().start()
                : new EdgeApiSimulator().start();
        try {
            field.set(null, sim);
        } catch (IllegalAccessException | RuntimeException e) {
            sim.close();
            throw e;
        }
        context.getStore(NAMESPACE).put(context.getRequiredTestClass(), sim);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AutoCloseable sim = simulator(context);
        if (sim instanceof ChromeWebStoreSimulator) {
            ((ChromeWebStoreSimulator) sim).reset();
            return;
        }
        if (sim instanceof AmoSimulator) {
            ((AmoSimulator) sim).reset();
            return;
        }
        EdgeApiSimulator edge = (EdgeApiSimulator) sim;
        edge.reset();
        edge.config().restoreDefaults();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        AutoCloseable sim = context.getStore(NAMESPACE)
                .remove(context.getRequiredTestClass(), AutoCloseable.class);
        if (sim != null) {
            sim.close();
        }
        simulatorField(context.getRequiredTestClass()).set(null, null);
    }

    private static AutoCloseable simulator(ExtensionContext context) {
        AutoCloseable sim = context.getStore(NAMESPACE)
                .get(context.getRequiredTestClass(), AutoCloseable.class);
        if (sim == null) {
            throw new ExtensionConfigurationException("no simulator started for " + context.getRequiredTestClass());
        }
        return sim;
    }

    /** The class's one static, non-final {@code @Simulator} field (of any simulator), made accessible. */
    private static Field simulatorField(Class<?> testClass) {
        List<Field> found = new ArrayList<>();
        for (Field f : testClass.getDeclaredFields()) {
            if (f.isAnnotationPresent(Simulator.class)) {
                found.add(f);
            }
        }
        if (found.size() != 1) {
            throw new ExtensionConfigurationException(testClass.getName() + " needs exactly one @Simulator field, has "
                    + found.size());
        }
        Field f = found.get(0);
        int mod = f.getModifiers();
        if (!Modifier.isStatic(mod) || Modifier.isFinal(mod)
                || (f.getType() != EdgeApiSimulator.class && f.getType() != ChromeWebStoreSimulator.class
                        && f.getType() != AmoSimulator.class)) {
            throw new ExtensionConfigurationException("@Simulator " + testClass.getName() + "." + f.getName()
                    + " must be a static, non-final EdgeApiSimulator, ChromeWebStoreSimulator or AmoSimulator field");
        }
        f.setAccessible(true);
        return f;
    }
}
