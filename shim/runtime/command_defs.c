/* command_defs.c: the commands the runtime runs, found by their id. */
#include <stddef.h>

#include "runtime/command_defs.h"

static const struct command_def *const defs[] = {
	&tnc_def,
	&get_content_def,
	&select_object_def,
	&format_list_def,
	&format_table_def,
	&out_string_def,
	&convertto_json_def,
	&convertto_csv_def,
	&out_default_def,
	&out_null_def,
	&write_output_def,
	&write_host_def,
	&write_warning_def,
	&write_error_def,
	&start_sleep_def,
	&out_file_def,
	&export_csv_def,
	&measure_object_def,
	&sort_object_def,
	&get_date_def,
	&foreach_object_def,
	&where_object_def,
};

const struct command_def *
command_def(enum pipe_cmd cmd)
{
	size_t i;

	for (i = 0; i < sizeof(defs) / sizeof(defs[0]); i++)
		if (defs[i]->cmd == cmd)
			return defs[i];
	return NULL;
}
