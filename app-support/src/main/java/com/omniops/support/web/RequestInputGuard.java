package com.omniops.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one check of what the URL carries, for every handler of both apps, before arguments are bound:
 * <ul>
 *   <li>every path variable is an id: 1-200 letters, digits, '.', '_', ':', '~' or '-', starting with a letter or
 *   digit (ids in this system are codes, UUIDs and stream ids such as {@code warehouse:sku} or {@code rule~...});
 *   endpoints may narrow it further (a warehouse code has no ':');</li>
 *   <li>no query parameter name or value contains a control character (NUL and the like): no filter needs one,
 *   and PostgreSQL refuses NUL in text, which used to surface as 500.</li>
 * </ul>
 * Refusals are {@link InvalidRequestInput}, which each app answers with a 400 problem naming the parameter.
 */
public class RequestInputGuard implements HandlerInterceptor {

    public static final int MAX_ID_LENGTH = 200;
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:~-]{0," + (MAX_ID_LENGTH - 1) + "}");
    public static final String ID_MESSAGE = "must be an id of 1-" + MAX_ID_LENGTH + " letters, digits, '.', '_', "
            + "':', '~' or '-', starting with a letter or digit";
    public static final String CONTROL_MESSAGE = "must not contain control characters (such as NUL)";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                String value = String.valueOf(variable.getValue());
                if (!ID.matcher(value).matches()) {
                    throw new InvalidRequestInput(String.valueOf(variable.getKey()), ID_MESSAGE);
                }
            }
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (hasControlCharacter(parameter.getKey())) {
                throw new InvalidRequestInput(printable(parameter.getKey()), "name " + CONTROL_MESSAGE);
            }
            for (String value : parameter.getValue()) {
                if (hasControlCharacter(value)) {
                    throw new InvalidRequestInput(parameter.getKey(), CONTROL_MESSAGE);
                }
            }
        }
        return true;
    }

    public static boolean hasControlCharacter(String value) {
        return value != null && value.chars().anyMatch(Character::isISOControl);
    }

    private static String printable(String name) {
        return name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
