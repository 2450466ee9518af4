package org.homeward.support;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * For a {@link ModuleTest}: leaves out of the component scan the application classes (no module) that use modules'
 * services, so that a module starts without those modules. Registered in {@code META-INF/spring.factories}; does
 * nothing for any other test. (Spring Modulith's own exclude filter takes the {@code @TypeExcludeFilters} slot, so
 * this one is added as a bean beside it: the application's scan asks every {@link TypeExcludeFilter} bean.)
 */
class ModuleTestContextCustomizerFactory implements ContextCustomizerFactory {

    /** The patient banner reads the patient, referral and ward modules. */
    private static final Set<String> NEEDING_MODULES = Set.of("org.homeward.PatientBannerInterceptor");

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(ModuleTest.class)
                ? new Customizer() : null;
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().registerSingleton(ApplicationShellExcludeFilter.class.getName(),
                    new ApplicationShellExcludeFilter());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }

    static final class ApplicationShellExcludeFilter extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return NEEDING_MODULES.contains(reader.getClassMetadata().getClassName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ApplicationShellExcludeFilter;
        }

        @Override
        public int hashCode() {
            return ApplicationShellExcludeFilter.class.hashCode();
        }
    }
}
