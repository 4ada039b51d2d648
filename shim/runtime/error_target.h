#ifndef TNC_RUNTIME_ERROR_TARGET_H
#define TNC_RUNTIME_ERROR_TARGET_H

#include "objects/psobj.h"

/*
 * pipeline_error_target()
 * ErrorCategoryInfo's TargetName for an input object of a cmdlet: a bool
 * "True", a string itself, a Selected.* object "@{Name=value; ...}",
 * another object its ToString().  malloc'd; NULL on ENOMEM.
 */
char	*pipeline_error_target(const struct psobj_value *v);

#endif /* TNC_RUNTIME_ERROR_TARGET_H */
