package org.homeward;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Remembers, for the page, the class of each form object bound in the request (by its model name): a record whose
 * constructor could not be called (a date that is no date) leaves its BindingResult without a target, and the error
 * summary still needs the form's field order (ErrorSummary).
 */
@ControllerAdvice(annotations = Controller.class)
class FormTypesAdvice {

    static final String REQUEST_ATTRIBUTE = "homewardFormTypes";

    @InitBinder
    void remember(WebDataBinder binder, HttpServletRequest request) {
        ResolvableType type = binder.getTargetType();
        Class<?> resolved = type != null ? type.resolve()
                : binder.getTarget() != null ? binder.getTarget().getClass() : null;
        if (resolved == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Class<?>> types = (Map<String, Class<?>>) request.getAttribute(REQUEST_ATTRIBUTE);
        if (types == null) {
            types = new HashMap<>();
            request.setAttribute(REQUEST_ATTRIBUTE, types);
        }
        types.put(binder.getObjectName(), resolved);
    }
}
