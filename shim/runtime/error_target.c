/* error_target.c: what an error record names as its target object. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error_target.h"

char *
pipeline_error_target(const struct psobj_value *v)
{
	char *buf = NULL, *s;
	size_t len = 0, i;
	FILE *m;

	if (v->kind != PSOBJ_OBJECT || v->obj == NULL ||
	    strncmp(v->obj->type_name, "Selected.", 9) != 0)
		return psobj_value_to_string(v);
	/* a PSCustomObject's ToString(): @{Name=value; Name=value} */
	m = open_memstream(&buf, &len);
	if (m == NULL)
		return NULL;
	fputs("@{", m);
	for (i = 0; i < v->obj->nprops; i++) {
		s = psobj_value_to_string(&v->obj->props[i].value);
		fprintf(m, "%s%s=%s", i ? "; " : "", v->obj->props[i].name,
		    s != NULL ? s : "");
		free(s);
	}
	fputs("}", m);
	if (fclose(m) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}
