package io.stride.platform.web;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

/**
 * Registers the problem+json error handling and the input rules ({@link InputBounds}) for every
 * servlet service: controller errors ({@link ProblemDetailsAdvice}), {@code /error} ({@link
 * ProblemErrorController}), Tomcat's own refusals ({@link ProblemErrorReportValve}), and control
 * characters in the path and parameters ({@link ControlCharacterParametersFilter}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebErrorsAutoConfiguration {

  @Bean
  ProblemDetailsAdvice strideProblemDetailsAdvice() {
    return new ProblemDetailsAdvice();
  }

  @Bean
  @ConditionalOnMissingBean(ErrorController.class)
  ProblemErrorController strideProblemErrorController() {
    return new ProblemErrorController();
  }

  @Bean
  InputRulesBinding strideInputRulesBinding() {
    return new InputRulesBinding();
  }

  /** Picked up by Boot's JSON mapper auto-configuration, like any Jackson module bean. */
  @Bean
  JacksonModule strideInputRulesModule() {
    return new InputRulesModule();
  }

  /**
   * A filter bean: Boot registers it for every request, in its {@link
   * org.springframework.core.Ordered} place.
   */
  @Bean
  @ConditionalOnMissingBean
  ControlCharacterParametersFilter strideControlCharacterParametersFilter() {
    return new ControlCharacterParametersFilter();
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Tomcat.class)
  static class TomcatErrorReports {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> strideProblemErrorReports() {
      return factory ->
          factory.addContextCustomizers(
              context -> {
                if (context.getParent() instanceof StandardHost host) {
                  host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
              });
    }
  }
}
