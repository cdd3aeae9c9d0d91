package io.stride.notification.delivery;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email's two parts from {@code mail/<template>.html} (HTML mode: every value escaped)
 * and {@code mail/<template>.txt} (text mode), with the words of {@code messages*.properties} in
 * the person's language.
 */
@Component
class MailComposer {

  /** An email's subject and parts. */
  record Mail(String subject, String text, String html) {}

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  MailComposer(MessageSource messages) {
    engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
    engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
    engine.setTemplateEngineMessageSource(messages);
  }

  Mail compose(String template, String subject, Map<String, Object> model, Locale locale) {
    Context context = new Context(locale, model);
    context.setVariable("subject", subject);
    return new Mail(
        subject,
        engine.process(template + ".txt", context),
        engine.process(template + ".html", context));
  }

  private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setResolvablePatterns(Set.of("*" + suffix));
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setOrder(order);
    resolver.setCheckExistence(true);
    return resolver;
  }
}
