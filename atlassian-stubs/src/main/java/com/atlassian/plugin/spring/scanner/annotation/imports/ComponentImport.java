// Checked against: https://developer.atlassian.com/server/framework/atlassian-sdk/spring-java-config-spring-scanner/
// and SLACK ComponentImports.java (reference §1.4). Signatures only.
package com.atlassian.plugin.spring.scanner.annotation.imports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ComponentImport {
    String value() default "";
}
