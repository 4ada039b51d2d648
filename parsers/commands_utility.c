/*
 * commands_utility.c: Windows PowerShell 5.1's parameter metadata for the
 * Microsoft.PowerShell.Utility cmdlets that scripts around tnc use:
 * Write-Output, Write-Host, Write-Warning, Write-Error, Start-Sleep,
 * Out-File, Export-Csv, Measure-Object, Sort-Object and Get-Date (their
 * 5.1 syntax in MicrosoftDocs/PowerShell-Docs reference/5.1, declaration
 * order and attributes from the PowerShell sources of that era).
 *
 * As in commands.c, every declared parameter is listed, in declaration
 * order (a derived cmdlet's own, then its base class's, as 5.1's syntax
 * lists them), so that prefixes resolve and ambiguities read as on
 * Windows; runtime/cmd_*.c refuses the ones tnc does not run.  -WhatIf and
 * -Confirm (SupportsShouldProcess) rank with the common parameters, as
 * PowerShell's binder ranks them.
 *
 * Two deviations, both invisible to a script that runs: Write-Error's
 * -Exception and -ErrorRecord are position 0 of their own sets in 5.1, but
 * named here (this binder does not prefer the default set when it binds
 * by position, and neither can be given an object in tnc), and -Message
 * is position 0 in both of its sets (5.1: only in NoException).
 */
#include <stddef.h>

#include "commands.h"

#define INT_MAX32	2147483647.0

static const char *const console_colors[] = { "Black", "DarkBlue",
	"DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
	"DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White",
	NULL };

const struct ps_enum console_color_enum = { "System.ConsoleColor",
	console_colors };

static const char *const error_categories[] = { "NotSpecified", "OpenError",
	"CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument",
	"InvalidData", "InvalidOperation", "InvalidResult", "InvalidType",
	"MetadataError", "NotImplemented", "NotInstalled", "ObjectNotFound",
	"OperationStopped", "OperationTimeout", "SyntaxError", "ParserError",
	"PermissionDenied", "ResourceBusy", "ResourceExists",
	"ResourceUnavailable", "ReadError", "WriteError", "FromStdErr",
	"SecurityError", "ProtocolError", "ConnectionError",
	"AuthenticationError", "LimitsExceeded", "QuotaExceeded", "NotEnabled",
	NULL };

const struct ps_enum error_category_enum = {
	"System.Management.Automation.ErrorCategory", error_categories };

static const char *const display_hints[] = { "Date", "Time", "DateTime",
	NULL };

const struct ps_enum display_hint_enum = {
	"Microsoft.PowerShell.Commands.DisplayHintType", display_hints };

#define NPARAMS(a)	(sizeof(a) / sizeof((a)[0]))

/* SupportsShouldProcess: ranked with the common parameters */
#define SHOULD_PROCESS_PARAMS \
	{ .name = "WhatIf", .aliases = { "wi" }, .type = PS_TYPE_SWITCH, \
	  .position = PS_NAMED, .tier = PS_TIER_COMMON }, \
	{ .name = "Confirm", .aliases = { "cf" }, .type = PS_TYPE_SWITCH, \
	  .position = PS_NAMED, .tier = PS_TIER_COMMON }

/* Write-Output: InputObject takes the remaining arguments (5.1) */
static const struct ps_param_meta write_output_params[] = {
	{ .name = "InputObject", .type = PS_TYPE_OBJECT, .position = 0,
	  .mandatory_sets = 1u, .from_pipeline = true, .remaining = true },
	{ .name = "NoEnumerate", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
};

const struct ps_command_meta write_output_meta = {
	.name = "Write-Output",
	.type_name = "Microsoft.PowerShell.Commands.WriteOutputCommand",
	.common_parameters = true,
	.default_set = -1,
	.params = write_output_params,
	.nparams = NPARAMS(write_output_params),
};

static const struct ps_param_meta write_host_params[] = {
	{ .name = "Object", .type = PS_TYPE_OBJECT, .position = 0,
	  .from_pipeline = true, .remaining = true },
	{ .name = "NoNewline", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
	{ .name = "Separator", .type = PS_TYPE_OBJECT, .position = PS_NAMED },
	{ .name = "ForegroundColor", .type = PS_TYPE_ENUM,
	  .enum_type = &console_color_enum, .position = PS_NAMED },
	{ .name = "BackgroundColor", .type = PS_TYPE_ENUM,
	  .enum_type = &console_color_enum, .position = PS_NAMED },
};

const struct ps_command_meta write_host_meta = {
	.name = "Write-Host",
	.type_name = "Microsoft.PowerShell.Commands.WriteHostCommand",
	.common_parameters = true,
	.default_set = -1,
	.params = write_host_params,
	.nparams = NPARAMS(write_host_params),
};

static const struct ps_param_meta write_warning_params[] = {
	{ .name = "Message", .aliases = { "Msg" }, .type = PS_TYPE_STRING,
	  .position = 0, .mandatory_sets = 1u, .from_pipeline = true },
};

const struct ps_command_meta write_warning_meta = {
	.name = "Write-Warning",
	.type_name = "Microsoft.PowerShell.Commands.WriteWarningCommand",
	.common_parameters = true,
	.default_set = -1,
	.params = write_warning_params,
	.nparams = NPARAMS(write_warning_params),
};

/* Write-Error's sets: NoException (the default), WithException, ErrorRecord */
#define WE_NOEXC	(1u << 0)
#define WE_EXC		(1u << 1)
#define WE_RECORD	(1u << 2)

static const char *const write_error_sets[] = { "NoException",
	"WithException", "ErrorRecord" };

static const struct ps_param_meta write_error_params[] = {
	{ .name = "Exception", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = WE_EXC, .mandatory_sets = WE_EXC },
	{ .name = "Message", .aliases = { "Msg" }, .type = PS_TYPE_STRING,
	  .position = 0, .sets = WE_NOEXC | WE_EXC, .mandatory_sets = WE_NOEXC,
	  .from_pipeline = true },
	{ .name = "ErrorRecord", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = WE_RECORD, .mandatory_sets = WE_RECORD },
	{ .name = "Category", .type = PS_TYPE_ENUM,
	  .enum_type = &error_category_enum, .position = PS_NAMED,
	  .sets = WE_NOEXC | WE_EXC },
	{ .name = "ErrorId", .type = PS_TYPE_STRING, .position = PS_NAMED,
	  .sets = WE_NOEXC | WE_EXC },
	{ .name = "TargetObject", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = WE_NOEXC | WE_EXC },
	{ .name = "RecommendedAction", .type = PS_TYPE_STRING,
	  .position = PS_NAMED, .sets = PS_ALL_SETS },
	{ .name = "CategoryActivity", .aliases = { "Activity" },
	  .type = PS_TYPE_STRING, .position = PS_NAMED, .sets = PS_ALL_SETS },
	{ .name = "CategoryReason", .aliases = { "Reason" },
	  .type = PS_TYPE_STRING, .position = PS_NAMED, .sets = PS_ALL_SETS },
	{ .name = "CategoryTargetName", .aliases = { "TargetName" },
	  .type = PS_TYPE_STRING, .position = PS_NAMED, .sets = PS_ALL_SETS },
	{ .name = "CategoryTargetType", .aliases = { "TargetType" },
	  .type = PS_TYPE_STRING, .position = PS_NAMED, .sets = PS_ALL_SETS },
};

const struct ps_command_meta write_error_meta = {
	.name = "Write-Error",
	.type_name = "Microsoft.PowerShell.Commands.WriteErrorCommand",
	.common_parameters = true,
	.set_names = write_error_sets,
	.nsets = 3,
	.default_set = 0,
	.params = write_error_params,
	.nparams = NPARAMS(write_error_params),
};

/* Start-Sleep's sets: Seconds (the default), Milliseconds */
static const char *const start_sleep_sets[] = { "Seconds", "Milliseconds" };

static const struct ps_param_meta start_sleep_params[] = {
	{ .name = "Seconds", .type = PS_TYPE_INT32, .position = 0,
	  .sets = 1u << 0, .mandatory_sets = 1u << 0, .from_pipeline = true,
	  .has_range = true, .range_min = 0, .range_max = 2147483 },
	{ .name = "Milliseconds", .type = PS_TYPE_INT32, .position = PS_NAMED,
	  .sets = 1u << 1, .mandatory_sets = 1u << 1, .has_range = true,
	  .range_min = 0, .range_max = INT_MAX32 },
};

const struct ps_command_meta start_sleep_meta = {
	.name = "Start-Sleep",
	.type_name = "Microsoft.PowerShell.Commands.StartSleepCommand",
	.common_parameters = true,
	.set_names = start_sleep_sets,
	.nsets = 2,
	.default_set = 0,
	.params = start_sleep_params,
	.nparams = NPARAMS(start_sleep_params),
};

/* EncodingConversion's names, as Out-File's ValidateSet lists them */
static const char *const out_file_encodings[] = { "unknown", "string",
	"unicode", "bigendianunicode", "utf8", "utf7", "utf32", "ascii",
	"default", "oem", NULL };

/* Out-File's sets: ByPath (the default), ByLiteralPath */
static const char *const out_file_sets[] = { "ByPath", "ByLiteralPath" };

static const struct ps_param_meta out_file_params[] = {
	{ .name = "FilePath", .type = PS_TYPE_STRING, .position = 0,
	  .sets = 1u << 0, .mandatory_sets = 1u << 0 },
	{ .name = "LiteralPath", .aliases = { "PSPath" },
	  .type = PS_TYPE_STRING, .position = PS_NAMED, .sets = 1u << 1,
	  .mandatory_sets = 1u << 1 },
	{ .name = "Encoding", .type = PS_TYPE_STRING, .position = 1,
	  .validate_set = out_file_encodings },
	{ .name = "Append", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
	{ .name = "Force", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
	{ .name = "NoClobber", .aliases = { "NoOverwrite" },
	  .type = PS_TYPE_SWITCH, .position = PS_NAMED },
	{ .name = "Width", .type = PS_TYPE_INT32, .position = PS_NAMED,
	  .has_range = true, .range_min = 2, .range_max = INT_MAX32 },
	{ .name = "NoNewline", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
	{ .name = "InputObject", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .from_pipeline = true },
	SHOULD_PROCESS_PARAMS,
};

const struct ps_command_meta out_file_meta = {
	.name = "Out-File",
	.type_name = "Microsoft.PowerShell.Commands.OutFileCommand",
	.common_parameters = true,
	.set_names = out_file_sets,
	.nsets = 2,
	.default_set = 0,
	.params = out_file_params,
	.nparams = NPARAMS(out_file_params),
};

static const char *const export_csv_encodings[] = { "Unicode", "UTF7",
	"UTF8", "ASCII", "UTF32", "BigEndianUnicode", "Default", "OEM", NULL };

/* Export-Csv's sets: Delimiter (the default), UseCulture */
static const char *const export_csv_sets[] = { "Delimiter", "UseCulture" };

static const struct ps_param_meta export_csv_params[] = {
	{ .name = "InputObject", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = PS_ALL_SETS, .mandatory_sets = 3u, .from_pipeline = true },
	{ .name = "Path", .type = PS_TYPE_STRING, .position = 0,
	  .sets = PS_ALL_SETS },
	{ .name = "LiteralPath", .aliases = { "PSPath" },
	  .type = PS_TYPE_STRING, .position = PS_NAMED, .sets = PS_ALL_SETS },
	{ .name = "Force", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "NoClobber", .aliases = { "NoOverwrite" },
	  .type = PS_TYPE_SWITCH, .position = PS_NAMED, .sets = PS_ALL_SETS },
	{ .name = "Encoding", .type = PS_TYPE_STRING, .position = PS_NAMED,
	  .sets = PS_ALL_SETS, .validate_set = export_csv_encodings },
	{ .name = "Append", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "Delimiter", .type = PS_TYPE_STRING, .position = 1,
	  .sets = 1u << 0 },
	{ .name = "UseCulture", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = 1u << 1 },
	{ .name = "NoTypeInformation", .aliases = { "NTI" },
	  .type = PS_TYPE_SWITCH, .position = PS_NAMED, .sets = PS_ALL_SETS },
	SHOULD_PROCESS_PARAMS,
};

const struct ps_command_meta export_csv_meta = {
	.name = "Export-Csv",
	.type_name = "Microsoft.PowerShell.Commands.ExportCsvCommand",
	.common_parameters = true,
	.set_names = export_csv_sets,
	.nsets = 2,
	.default_set = 0,
	.params = export_csv_params,
	.nparams = NPARAMS(export_csv_params),
};

/* Measure-Object's sets: GenericMeasure (the default), TextMeasure */
#define MO_GENERIC	(1u << 0)
#define MO_TEXT		(1u << 1)

static const char *const measure_object_sets[] = { "GenericMeasure",
	"TextMeasure" };

static const struct ps_param_meta measure_object_params[] = {
	{ .name = "InputObject", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .sets = PS_ALL_SETS, .from_pipeline = true },
	{ .name = "Property", .type = PS_TYPE_OBJECT, .position = 0,
	  .sets = PS_ALL_SETS },
	{ .name = "Sum", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = MO_GENERIC },
	{ .name = "Average", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = MO_GENERIC },
	{ .name = "Maximum", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = MO_GENERIC },
	{ .name = "Minimum", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = MO_GENERIC },
	{ .name = "Line", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = MO_TEXT },
	{ .name = "Word", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = MO_TEXT },
	{ .name = "Character", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = MO_TEXT },
	{ .name = "IgnoreWhiteSpace", .type = PS_TYPE_SWITCH,
	  .position = PS_NAMED, .sets = MO_TEXT },
};

const struct ps_command_meta measure_object_meta = {
	.name = "Measure-Object",
	.type_name = "Microsoft.PowerShell.Commands.MeasureObjectCommand",
	.common_parameters = true,
	.set_names = measure_object_sets,
	.nsets = 2,
	.default_set = 0,
	.params = measure_object_params,
	.nparams = NPARAMS(measure_object_params),
};

static const struct ps_param_meta sort_object_params[] = {
	{ .name = "Descending", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
	{ .name = "Unique", .type = PS_TYPE_SWITCH, .position = PS_NAMED },
	{ .name = "InputObject", .type = PS_TYPE_OBJECT, .position = PS_NAMED,
	  .from_pipeline = true },
	{ .name = "Property", .type = PS_TYPE_OBJECT, .position = 0 },
	{ .name = "Culture", .type = PS_TYPE_STRING, .position = PS_NAMED },
	{ .name = "CaseSensitive", .type = PS_TYPE_SWITCH,
	  .position = PS_NAMED },
};

const struct ps_command_meta sort_object_meta = {
	.name = "Sort-Object",
	.type_name = "Microsoft.PowerShell.Commands.SortObjectCommand",
	.common_parameters = true,
	.default_set = -1,
	.params = sort_object_params,
	.nparams = NPARAMS(sort_object_params),
};

/* Get-Date's sets: net (the default), UFormat */
static const char *const get_date_sets[] = { "net", "UFormat" };

#define GET_DATE_PART(n, lo, hi) \
	{ .name = n, .type = PS_TYPE_INT32, .position = PS_NAMED, \
	  .sets = PS_ALL_SETS, .has_range = true, .range_min = lo, \
	  .range_max = hi }

static const struct ps_param_meta get_date_params[] = {
	{ .name = "Date", .aliases = { "LastWriteTime" },
	  .type = PS_TYPE_OBJECT, .position = 0, .sets = PS_ALL_SETS,
	  .from_pipeline = true },
	GET_DATE_PART("Year", 1, 9999),
	GET_DATE_PART("Month", 1, 12),
	GET_DATE_PART("Day", 1, 31),
	GET_DATE_PART("Hour", 0, 23),
	GET_DATE_PART("Minute", 0, 59),
	GET_DATE_PART("Second", 0, 59),
	GET_DATE_PART("Millisecond", 0, 999),
	{ .name = "DisplayHint", .type = PS_TYPE_ENUM,
	  .enum_type = &display_hint_enum, .position = PS_NAMED,
	  .sets = PS_ALL_SETS },
	{ .name = "Format", .type = PS_TYPE_STRING, .position = PS_NAMED,
	  .sets = 1u << 0 },
	{ .name = "UFormat", .type = PS_TYPE_STRING, .position = PS_NAMED,
	  .sets = 1u << 1 },
};

const struct ps_command_meta get_date_meta = {
	.name = "Get-Date",
	.type_name = "Microsoft.PowerShell.Commands.GetDateCommand",
	.common_parameters = true,
	.set_names = get_date_sets,
	.nsets = 2,
	.default_set = 0,
	.params = get_date_params,
	.nparams = NPARAMS(get_date_params),
};
