/*
 * commands.c: Windows PowerShell 5.1's parameter metadata for the cmdlets
 * tnc runs after Test-NetConnection, and the name table of every command
 * tnc runs (the Utility cmdlets scripts use are in commands_utility.c)
 * (S6: Select-Object.cs,
 * OutputFormattingCommands, Out-String.cs, ConvertTo-Json.cs,
 * CSVCommands.cs, tag v6.0.0 as the closest public stand-in for 5.1).
 *
 * Every declared parameter is listed, in declaration order, including the
 * ones tnc's pipeline does not run (the executor rejects those after
 * binding): that way a prefix resolves as on Windows (Select-Object -s is
 * ambiguous between -Skip and -SkipLast) and ambiguity errors list what
 * Windows lists. Types the binder does not model are bound as kept:
 * String[], Int32[], PSObject and Object as PS_TYPE_OBJECT, Char as a
 * String checked by the executor.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalogue.h"
#include "commands.h"
#include "tnc_command.h"

#define INT_MAX32	2147483647.0

/* Select-Object's sets: DefaultParameter, SkipLastParameter, IndexParameter */
#define SEL_DEFAULT	(1u << 0)
#define SEL_SKIPLAST	(1u << 1)
#define SEL_INDEX	(1u << 2)

static const char *const select_sets[] = { "DefaultParameter",
	"SkipLastParameter", "IndexParameter" };

static const struct ps_param_meta select_params[] = {
	{ .name = "InputObject", .type = PS_TYPE_OBJECT,
	  .position = PS_NAMED, .sets = PS_ALL_SETS },
	{ .name = "Property", .type = PS_TYPE_OBJECT, .position = 0,
	  .sets = SEL_DEFAULT | SEL_SKIPLAST },
	{ .name = "ExcludeProperty", .type = PS_TYPE_OBJECT,
	  .position = PS_NAMED, .sets = SEL_DEFAULT | SEL_SKIPLAST },
	{ .name = "ExpandProperty", .type = PS_TYPE_STRING,
	  .position = PS_NAMED, .sets = SEL_DEFAULT | SEL_SKIPLAST },
	{ .name = "Unique", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "Last", .type = PS_TYPE_INT32, .position = PS_NAMED,
	  .sets = SEL_DEFAULT, .has_range = true, .range_min = 0,
	  .range_max = INT_MAX32 },
	{ .name = "First", .type = PS_TYPE_INT32, .position = PS_NAMED,
	  .sets = SEL_DEFAULT, .has_range = true, .range_min = 0,
	  .range_max = INT_MAX32 },
	{ .name = "Skip", .type = PS_TYPE_INT32, .position = PS_NAMED,
	  .sets = SEL_DEFAULT, .has_range = true, .range_min = 0,
	  .range_max = INT_MAX32 },
	{ .name = "SkipLast", .type = PS_TYPE_INT32, .position = PS_NAMED,
	  .sets = SEL_SKIPLAST, .has_range = true, .range_min = 0,
	  .range_max = INT_MAX32 },
	{ .name = "Wait", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = SEL_DEFAULT | SEL_INDEX },
	{ .name = "Index", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = SEL_INDEX },
};

const struct ps_command_meta select_object_meta = {
	.name = "Select-Object",
	.type_name = "Microsoft.PowerShell.Commands.SelectObjectCommand",
	.common_parameters = true,
	.set_names = select_sets,
	.nsets = 3,
	.default_set = 0,
	.params = select_params,
	.nparams = sizeof(select_params) / sizeof(select_params[0]),
};

static const char *const expand_values[] = { "CoreOnly", "EnumOnly", "Both",
	NULL };

/* FrontEndCommandBase, OuterFormatShapeCommandBase, OuterFormatTableAndListBase */
#define FORMAT_SHAPE_PARAMS \
	{ .name = "InputObject", .type = PS_TYPE_OBJECT, \
	  .position = PS_NAMED }, \
	{ .name = "GroupBy", .type = PS_TYPE_OBJECT, .position = PS_NAMED }, \
	{ .name = "View", .type = PS_TYPE_STRING, .position = PS_NAMED }, \
	{ .name = "ShowError", .type = PS_TYPE_SWITCH, \
	  .position = PS_NAMED }, \
	{ .name = "DisplayError", .type = PS_TYPE_SWITCH, \
	  .position = PS_NAMED }, \
	{ .name = "Force", .type = PS_TYPE_SWITCH, .position = PS_NAMED }, \
	{ .name = "Expand", .type = PS_TYPE_STRING, .position = PS_NAMED, \
	  .validate_set = expand_values }, \
	{ .name = "Property", .type = PS_TYPE_OBJECT, .position = 0 }

static const struct ps_param_meta format_list_params[] = {
	FORMAT_SHAPE_PARAMS,
};

static const struct ps_param_meta format_table_params[] = {
	FORMAT_SHAPE_PARAMS,
	{ .name = "AutoSize", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
	{ .name = "HideTableHeaders", .type = PS_TYPE_SWITCH,
	  .position = PS_NAMED },
	{ .name = "Wrap", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
};

const struct ps_command_meta format_list_meta = {
	.name = "Format-List",
	.type_name = "Microsoft.PowerShell.Commands.FormatListCommand",
	.common_parameters = true,
	.default_set = -1,
	.params = format_list_params,
	.nparams = sizeof(format_list_params) / sizeof(format_list_params[0]),
};

const struct ps_command_meta format_table_meta = {
	.name = "Format-Table",
	.type_name = "Microsoft.PowerShell.Commands.FormatTableCommand",
	.common_parameters = true,
	.default_set = -1,
	.params = format_table_params,
	.nparams = sizeof(format_table_params) /
	    sizeof(format_table_params[0]),
};

static const struct ps_param_meta out_string_params[] = {
	{ .name = "InputObject", .type = PS_TYPE_OBJECT,
	  .position = PS_NAMED },
	{ .name = "Stream", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
	{ .name = "Width", .type = PS_TYPE_INT32, .position = PS_NAMED,
	  .has_range = true, .range_min = 2, .range_max = INT_MAX32 },
};

const struct ps_command_meta out_string_meta = {
	.name = "Out-String",
	.type_name = "Microsoft.PowerShell.Commands.OutStringCommand",
	.common_parameters = true,
	.default_set = -1,
	.params = out_string_params,
	.nparams = sizeof(out_string_params) / sizeof(out_string_params[0]),
};

/*
 * InputObject is mandatory and ValueFromPipeline: the binder checks
 * mandatory parameters at command-line binding, before pipeline input
 * exists, so it is not marked mandatory here (every downstream command
 * has pipeline input in a tnc pipeline).
 */
static const struct ps_param_meta convertto_json_params[] = {
	{ .name = "InputObject", .type = PS_TYPE_OBJECT, .position = 0 },
	{ .name = "Depth", .type = PS_TYPE_INT32, .position = PS_NAMED,
	  .has_range = true, .range_min = 1, .range_max = INT_MAX32 },
	{ .name = "Compress", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
};

const struct ps_command_meta convertto_json_meta = {
	.name = "ConvertTo-Json",
	.type_name = "Microsoft.PowerShell.Commands.ConvertToJsonCommand",
	.common_parameters = true,
	.default_set = -1,
	.params = convertto_json_params,
	.nparams = sizeof(convertto_json_params) /
	    sizeof(convertto_json_params[0]),
};

/* ConvertTo-Csv's sets: Delimiter (the default), UseCulture */
static const char *const csv_sets[] = { "Delimiter", "UseCulture" };

static const struct ps_param_meta convertto_csv_params[] = {
	{ .name = "InputObject", .type = PS_TYPE_OBJECT, .position = 0,
	  .sets = PS_ALL_SETS },
	{ .name = "Delimiter", .type = PS_TYPE_STRING, .position = 1,
	  .sets = 1u << 0 },
	{ .name = "UseCulture", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = 1u << 1 },
	{ .name = "NoTypeInformation", .aliases = { "NTI" },
	  .type = PS_TYPE_SWITCH, .position = PS_NAMED, .sets = PS_ALL_SETS },
};

const struct ps_command_meta convertto_csv_meta = {
	.name = "ConvertTo-Csv",
	.type_name = "Microsoft.PowerShell.Commands.ConvertToCsvCommand",
	.common_parameters = true,
	.set_names = csv_sets,
	.nsets = 2,
	.default_set = 0,
	.params = convertto_csv_params,
	.nparams = sizeof(convertto_csv_params) /
	    sizeof(convertto_csv_params[0]),
};

static const struct ps_param_meta input_object_only[] = {
	{ .name = "InputObject", .type = PS_TYPE_OBJECT,
	  .position = PS_NAMED },
};

static const struct ps_param_meta out_host_params[] = {
	{ .name = "Paging", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
	{ .name = "InputObject", .type = PS_TYPE_OBJECT,
	  .position = PS_NAMED },
};

/* 5.0 added -Transcript (OutDefaultCommand's own, so before InputObject) */
static const struct ps_param_meta out_default_params[] = {
	{ .name = "Transcript", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
	{ .name = "InputObject", .type = PS_TYPE_OBJECT,
	  .position = PS_NAMED },
};

const struct ps_command_meta out_default_meta = {
	.name = "Out-Default",
	.type_name = "Microsoft.PowerShell.Commands.OutDefaultCommand",
	.common_parameters = true,
	.default_set = -1,
	.params = out_default_params,
	.nparams = sizeof(out_default_params) /
	    sizeof(out_default_params[0]),
};

const struct ps_command_meta out_host_meta = {
	.name = "Out-Host",
	.type_name = "Microsoft.PowerShell.Commands.OutHostCommand",
	.common_parameters = true,
	.default_set = -1,
	.params = out_host_params,
	.nparams = sizeof(out_host_params) / sizeof(out_host_params[0]),
};

const struct ps_command_meta out_null_meta = {
	.name = "Out-Null",
	.type_name = "Microsoft.PowerShell.Commands.OutNullCommand",
	.common_parameters = true,
	.default_set = -1,
	.params = input_object_only,
	.nparams = 1,
};

/*
 * Get-Content with the FileSystem provider's dynamic parameters, in the
 * order of Windows PowerShell 5.1's syntax (Path and LiteralPath sets).
 * Encoding is a FileSystemCmdletProviderEncoding; the runtime converts it.
 */
#define GC_PATH		(1u << 0)
#define GC_LITERAL	(1u << 1)
#define INT_MAX64	9223372036854775807.0

static const char *const get_content_sets[] = { "Path", "LiteralPath" };

static const struct ps_param_meta get_content_params[] = {
	{ .name = "Path", .type = PS_TYPE_OBJECT, .position = 0,
	  .sets = GC_PATH, .mandatory_sets = GC_PATH },
	{ .name = "LiteralPath", .aliases = { "PSPath" },
	  .type = PS_TYPE_OBJECT, .position = PS_NAMED, .sets = GC_LITERAL,
	  .mandatory_sets = GC_LITERAL },
	{ .name = "ReadCount", .type = PS_TYPE_DOUBLE, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "TotalCount", .aliases = { "First", "Head" },
	  .type = PS_TYPE_DOUBLE, .position = PS_NAMED, .sets = PS_ALL_SETS,
	  .has_range = true, .range_min = -INT_MAX64, .range_max = INT_MAX64 },
	{ .name = "Tail", .aliases = { "Last" }, .type = PS_TYPE_INT32,
	  .position = PS_NAMED, .sets = PS_ALL_SETS },
	{ .name = "Filter", .type = PS_TYPE_STRING, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "Include", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "Exclude", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "Force", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "Credential", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "UseTransaction", .aliases = { "usetx" },
	  .type = PS_TYPE_SWITCH, .position = PS_NAMED, .sets = PS_ALL_SETS },
	{ .name = "Delimiter", .type = PS_TYPE_STRING, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "Wait", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "Raw", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "Encoding", .type = PS_TYPE_STRING, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "Stream", .type = PS_TYPE_STRING, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
};

const struct ps_command_meta get_content_meta = {
	.name = "Get-Content",
	.type_name = "Microsoft.PowerShell.Commands.GetContentCommand",
	.common_parameters = true,
	.set_names = get_content_sets,
	.nsets = 2,
	.default_set = 0,
	.params = get_content_params,
	.nparams = sizeof(get_content_params) / sizeof(get_content_params[0]),
};

/*
 * ForEach-Object (5.1's ForEachObjectCommand), with PowerShell 7's
 * -Parallel and -ThrottleLimit as tnc's own (full names only, issue 11).
 * Sets: ScriptBlockSet (the default), PropertyAndMethodSet, and 7's
 * ParallelParameterSet.  Process is declared before MemberName, so a
 * positional argument binds to Process and the runtime takes a name that
 * is not a script block as the member's (what 5.1 decides by type).
 */
#define FE_BLOCK	(1u << 0)
#define FE_MEMBER	(1u << 1)
#define FE_PARALLEL	(1u << 2)

static const char *const foreach_sets[] = { "ScriptBlockSet",
	"PropertyAndMethodSet", "ParallelParameterSet" };

static const struct ps_param_meta foreach_params[] = {
	{ .name = "InputObject", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "Begin", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = FE_BLOCK },
	{ .name = "Process", .type = PS_TYPE_OBJECT, .position = 0,
	  .sets = FE_BLOCK, .mandatory_sets = FE_BLOCK },
	{ .name = "End", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = FE_BLOCK },
	{ .name = "RemainingScripts", .type = PS_TYPE_OBJECT,
	  .position = PS_NAMED, .sets = FE_BLOCK, .remaining = true },
	{ .name = "MemberName", .type = PS_TYPE_STRING, .position = 0,
	  .sets = FE_MEMBER, .mandatory_sets = FE_MEMBER },
	{ .name = "ArgumentList", .aliases = { "Args" },
	  .type = PS_TYPE_OBJECT, .position = PS_NAMED, .sets = FE_MEMBER },
	{ .name = "Parallel", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = FE_PARALLEL, .mandatory_sets = FE_PARALLEL,
	  .tier = PS_TIER_EXTENSION },
	{ .name = "ThrottleLimit", .type = PS_TYPE_INT32, .position = PS_NAMED,
	  .sets = FE_PARALLEL, .has_range = true, .range_min = 1,
	  .range_max = INT_MAX32, .tier = PS_TIER_EXTENSION },
};

const struct ps_command_meta foreach_object_meta = {
	.name = "ForEach-Object",
	.type_name = "Microsoft.PowerShell.Commands.ForEachObjectCommand",
	.common_parameters = true,
	.set_names = foreach_sets,
	.nsets = 3,
	.default_set = 0,
	.params = foreach_params,
	.nparams = sizeof(foreach_params) / sizeof(foreach_params[0]),
};

/*
 * Where-Object (5.1's WhereObjectCommand): a script block (ScriptBlockSet)
 * or the simplified syntax, one set per operator switch.  FilterScript is
 * declared first, so a lone positional binds to it and the runtime takes
 * a name that is not a script block as -Property (EqualSet: "is true").
 */
#define WO_OPS(X) \
	X(EQ, "EqualSet") X(CEQ, "CaseSensitiveEqualSet") \
	X(NE, "NotEqualSet") X(CNE, "CaseSensitiveNotEqualSet") \
	X(GT, "GreaterThanSet") X(CGT, "CaseSensitiveGreaterThanSet") \
	X(LT, "LessThanSet") X(CLT, "CaseSensitiveLessThanSet") \
	X(GE, "GreaterOrEqualSet") X(CGE, "CaseSensitiveGreaterOrEqualSet") \
	X(LE, "LessOrEqualSet") X(CLE, "CaseSensitiveLessOrEqualSet") \
	X(Like, "LikeSet") X(CLike, "CaseSensitiveLikeSet") \
	X(NotLike, "NotLikeSet") X(CNotLike, "CaseSensitiveNotLikeSet") \
	X(Match, "MatchSet") X(CMatch, "CaseSensitiveMatchSet") \
	X(NotMatch, "NotMatchSet") X(CNotMatch, "CaseSensitiveNotMatchSet") \
	X(Contains, "ContainsSet") X(CContains, "CaseSensitiveContainsSet") \
	X(NotContains, "NotContainsSet") \
	X(CNotContains, "CaseSensitiveNotContainsSet") \
	X(In, "InSet") X(CIn, "CaseSensitiveInSet") \
	X(NotIn, "NotInSet") X(CNotIn, "CaseSensitiveNotInSet") \
	X(Is, "IsSet") X(IsNot, "IsNotSet")

#define WO_SET_NAME(op, set)	set,
static const char *const where_sets[] = { "ScriptBlockSet",
	WO_OPS(WO_SET_NAME) };
#define WO_NSETS	(sizeof(where_sets) / sizeof(where_sets[0]))
#define WO_OPERATOR_SETS	(((1u << (WO_NSETS - 1)) - 1) << 1)

/* each operator switch lives in its own set, mandatory there: bits 1.. */
#define WO_BIT(op, set)	WO_BIT_##op,
enum { WO_BIT_SCRIPTBLOCK, WO_OPS(WO_BIT) };

#define WO_SWITCH(op, set) \
	{ .name = #op, .type = PS_TYPE_SWITCH, .position = PS_NAMED, \
	  .sets = 1u << WO_BIT_##op, .mandatory_sets = 1u << WO_BIT_##op },
static const struct ps_param_meta where_params[] = {
	{ .name = "InputObject", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "FilterScript", .type = PS_TYPE_OBJECT, .position = 0,
	  .sets = 1u, .mandatory_sets = 1u },
	{ .name = "Property", .type = PS_TYPE_STRING, .position = 0,
	  .sets = WO_OPERATOR_SETS, .mandatory_sets = WO_OPERATOR_SETS },
	{ .name = "Value", .type = PS_TYPE_OBJECT, .position = 1,
	  .sets = WO_OPERATOR_SETS },
	WO_OPS(WO_SWITCH)
};
#define WO_NPARAMS	(sizeof(where_params) / sizeof(where_params[0]))

const struct ps_command_meta where_object_meta = {
	.name = "Where-Object",
	.type_name = "Microsoft.PowerShell.Commands.WhereObjectCommand",
	.common_parameters = true,
	.set_names = where_sets,
	.nsets = WO_NSETS,
	.default_set = 1,		/* EqualSet */
	.params = where_params,
	.nparams = WO_NPARAMS,
};

static const struct {
	const char *name;
	enum pipe_cmd cmd;
	const struct ps_command_meta *meta;
} command_table[] = {
	{ "Select-Object", PIPE_CMD_SELECT_OBJECT, &select_object_meta },
	{ "select", PIPE_CMD_SELECT_OBJECT, &select_object_meta },
	{ "Format-List", PIPE_CMD_FORMAT_LIST, &format_list_meta },
	{ "fl", PIPE_CMD_FORMAT_LIST, &format_list_meta },
	{ "Format-Table", PIPE_CMD_FORMAT_TABLE, &format_table_meta },
	{ "ft", PIPE_CMD_FORMAT_TABLE, &format_table_meta },
	{ "Out-String", PIPE_CMD_OUT_STRING, &out_string_meta },
	{ "ConvertTo-Json", PIPE_CMD_CONVERTTO_JSON, &convertto_json_meta },
	{ "ConvertTo-Csv", PIPE_CMD_CONVERTTO_CSV, &convertto_csv_meta },
	{ "Out-Default", PIPE_CMD_OUT_DEFAULT, &out_default_meta },
	{ "Out-Host", PIPE_CMD_OUT_DEFAULT, &out_host_meta },
	{ "oh", PIPE_CMD_OUT_DEFAULT, &out_host_meta },
	{ "Out-Null", PIPE_CMD_OUT_NULL, &out_null_meta },
	{ "Get-Content", PIPE_CMD_GET_CONTENT, &get_content_meta },
	{ "ForEach-Object", PIPE_CMD_FOREACH_OBJECT, &foreach_object_meta },
	{ "foreach", PIPE_CMD_FOREACH_OBJECT, &foreach_object_meta },
	{ "%", PIPE_CMD_FOREACH_OBJECT, &foreach_object_meta },
	{ "Where-Object", PIPE_CMD_WHERE_OBJECT, &where_object_meta },
	{ "where", PIPE_CMD_WHERE_OBJECT, &where_object_meta },
	{ "?", PIPE_CMD_WHERE_OBJECT, &where_object_meta },
	{ "gc", PIPE_CMD_GET_CONTENT, &get_content_meta },
	{ "cat", PIPE_CMD_GET_CONTENT, &get_content_meta },
	{ "type", PIPE_CMD_GET_CONTENT, &get_content_meta },
	{ "Write-Output", PIPE_CMD_WRITE_OUTPUT, &write_output_meta },
	{ "echo", PIPE_CMD_WRITE_OUTPUT, &write_output_meta },
	{ "write", PIPE_CMD_WRITE_OUTPUT, &write_output_meta },
	{ "Write-Host", PIPE_CMD_WRITE_HOST, &write_host_meta },
	{ "Write-Warning", PIPE_CMD_WRITE_WARNING, &write_warning_meta },
	{ "Write-Error", PIPE_CMD_WRITE_ERROR, &write_error_meta },
	{ "Start-Sleep", PIPE_CMD_START_SLEEP, &start_sleep_meta },
	{ "sleep", PIPE_CMD_START_SLEEP, &start_sleep_meta },
	{ "Out-File", PIPE_CMD_OUT_FILE, &out_file_meta },
	{ "Export-Csv", PIPE_CMD_EXPORT_CSV, &export_csv_meta },
	{ "epcsv", PIPE_CMD_EXPORT_CSV, &export_csv_meta },
	{ "Measure-Object", PIPE_CMD_MEASURE_OBJECT, &measure_object_meta },
	{ "measure", PIPE_CMD_MEASURE_OBJECT, &measure_object_meta },
	{ "Sort-Object", PIPE_CMD_SORT_OBJECT, &sort_object_meta },
	{ "sort", PIPE_CMD_SORT_OBJECT, &sort_object_meta },
	{ "Get-Date", PIPE_CMD_GET_DATE, &get_date_meta },
};

enum pipe_cmd
commands_lookup(const char *name, const struct ps_command_meta **meta)
{
	size_t i;

	*meta = NULL;
	if (tnc_command_name_matches(name))
		return PIPE_CMD_TNC;
	for (i = 0; i < sizeof(command_table) / sizeof(command_table[0]); i++) {
		if (strcasecmp(name, command_table[i].name) == 0) {
			*meta = command_table[i].meta;
			return command_table[i].cmd;
		}
	}
	return PIPE_CMD_NONE;
}

size_t
commands_names(char *buf, size_t size)
{
	size_t i, n = 0, len;
	const char *name;

	len = (size_t)snprintf(buf, size, "Test-NetConnection");
	for (i = 0; i < sizeof(command_table) / sizeof(command_table[0]); i++)
		n += strcmp(command_table[i].name,
		    command_table[i].meta->name) == 0;
	for (i = 0; i < sizeof(command_table) / sizeof(command_table[0]); i++) {
		name = command_table[i].name;
		if (strcmp(name, command_table[i].meta->name) != 0)
			continue;	/* an alias */
		n--;
		if (len < size)
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
			    n == 0 ? " and " : ", ", name);
	}
	return len;
}

bool
commands_is_known_unsupported(const char *name)
{
	return catalogue_find(name) != NULL;
}

int
commands_not_found(const struct ps_command *cmd, struct ps_error *e)
{
	ps_error_bind(e, cmd->name, NULL, "ObjectNotFound",
	    "CommandNotFoundException", "CommandNotFoundException",
	    cmd->name_offset, cmd->name_length, "The term '%s' is not "
	    "recognized as the name of a cmdlet, function, script file, or "
	    "operable program. Check the spelling of the name, or if a path "
	    "was included, verify that the path is correct and try again.",
	    cmd->name);
	if (e->out_of_memory || ps_error_set_target(e, cmd->name, "String") != 0)
		return -1;
	e->engine_error = true;
	return -1;
}
