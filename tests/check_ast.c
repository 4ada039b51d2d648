/*
 * tests/check_ast.c: the language front end of issue 11 (tokenizer.c,
 * ast*.c): scripts and the exact dump of their trees (ast_dump.c), the
 * precedence cases of about_Operator_Precedence, every parse error with
 * its id, text and extent, the five scripts of issue 11, the nesting
 * limit, the tokenizer's two modes, large inputs (parsed, never
 * timed), and commands of literals as the binder's input (ast_command.c).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/ast.h"
#include "parsers/ast_dump.h"
#include "parsers/tokenizer.h"
#include "tests/check_support.h"
#include "tests/parse_command.h"

struct dump_case {
	const char *script;
	const char *dump;		/* ast_dump()'s, one line per statement */
};

struct error_case {
	const char *script;
	const char *id;
	const char *message;
	size_t	offset, length;
};

/* Parses s, which must parse, and compares its dump with want */
static void
assert_dump(const char *s, const char *want)
{
	struct ast_list l;
	struct ps_error e = { 0 };
	char *d;
	int rc;

	rc = ast_parse(s, &l, &e);
	ck_assert_msg(rc == 0, "%s: %s %s", s, e.error_id ? e.error_id : "",
	    e.message ? e.message : "");
	d = ast_dump(&l);
	ck_assert_ptr_nonnull(d);
	ck_assert_msg(strcmp(d, want) == 0, "%s:\n got  %s\n want %s", s, d,
	    want);
	free(d);
	ast_list_free(&l);
	ps_error_free(&e);
}

/* Parses s, which must fail with c's error, and leaves no statements */
static void
assert_error(const struct error_case *c)
{
	struct ast_list l = { 0 };
	struct ps_error e = { 0 };

	ck_assert_msg(ast_parse(c->script, &l, &e) == -1, "%s parsed",
	    c->script);
	ck_assert_ptr_nonnull(e.error_id);
	ck_assert_ptr_nonnull(e.message);
	ck_assert_msg(strcmp(e.error_id, c->id) == 0, "%s: id %s, want %s",
	    c->script, e.error_id, c->id);
	ck_assert_str_eq(e.message, c->message);
	ck_assert_msg(e.offset == c->offset && e.length == c->length,
	    "%s: extent %zu:%zu, want %zu:%zu", c->script, e.offset, e.length,
	    c->offset, c->length);
	ck_assert_uint_le(e.offset + e.length, strlen(c->script));
	ck_assert(e.parse_error);
	ck_assert_str_eq(e.category, "ParserError");
	ck_assert_uint_eq(l.n, 0);
	ck_assert_ptr_null(l.v);
	ps_error_free(&e);
}

/* Statements, commands, expressions, strings, variables: every node with its extent */
static const struct dump_case grammar[] = {
	{ "for ($i = 0; $i -lt 3; $i++) { }",
	  "(for@0:32 (pipeline@5:6 (= (var@5:2 \"i\")) (number@10:1 \"0\" "
	  "Int32)) (pipeline@13:8 (binary@13:8 -lt (var@13:2 \"i\") "
	  "(number@20:1 \"3\" Int32))) (pipeline@23:4 (unary@23:4 x++ "
	  "(var@23:2 \"i\"))) (body))\n" },
	{ "$i++", "(pipeline@0:4 (unary@0:4 x++ (var@0:2 \"i\")))\n" },
	{ "$using:x", "(pipeline@0:8 (var@0:8 using \"x\"))\n" },
	{ "--$i", "(pipeline@0:4 (unary@0:4 --x (var@2:2 \"i\")))\n" },
	{ "$x = ++$h.n", "(pipeline@0:11 (= (var@0:2 \"x\")) (unary@5:6 ++x "
	  "(member@7:4 (var@7:2 \"h\") \"n\")))\n" },
	{ "tnc host -Port 5022",
	  "(pipeline@0:19 (command@0:19 (word@0:3 \"tnc\")"
	  " (word@4:4 \"host\") (param@9:5 \"Port\")"
	  " (number@15:4 \"5022\" Int32)))\n" },
	{ "$x = 1 + 2",
	  "(pipeline@0:10 (= (var@0:2 \"x\")) (binary@5:5 +"
	  " (number@5:1 \"1\" Int32) (number@9:1 \"2\" Int32)))\n" },
	{ "$x += 1; $x -= 1; $x *= 2; $x /= 2; $x %= 2",
	  "(pipeline@0:7 (+= (var@0:2 \"x\")) (number@6:1 \"1\" Int32))\n"
	  "(pipeline@9:7 (-= (var@9:2 \"x\")) (number@15:1 \"1\" Int32))\n"
	  "(pipeline@18:7 (*= (var@18:2 \"x\")) (number@24:1 \"2\" Int32))\n"
	  "(pipeline@27:7 (/= (var@27:2 \"x\")) (number@33:1 \"2\" Int32))\n"
	  "(pipeline@36:7 (%= (var@36:2 \"x\")) (number@42:1 \"2\" Int32))\n" },
	{ "$a.b = 1; $a[0] = 2",
	  "(pipeline@0:8 (= (member@0:4 (var@0:2 \"a\") \"b\"))"
	  " (number@7:1 \"1\" Int32))\n"
	  "(pipeline@10:9 (= (index@10:5 (var@10:2 \"a\")"
	  " (number@13:1 \"0\" Int32))) (number@18:1 \"2\" Int32))\n" },
	{ "$null = tnc a",
	  "(pipeline@0:13 (= (null@0:5)) (command@8:5"
	  " (word@8:3 \"tnc\") (word@12:1 \"a\")))\n" },
	{ "$x = if ($a) { 1 } else { 2 }",
	  "(pipeline@0:29 (= (var@0:2 \"x\")) (if@5:24"
	  " (clause (pipeline@9:2 (var@9:2 \"a\")) (body"
	  " (pipeline@15:1 (number@15:1 \"1\" Int32))))"
	  " (else (pipeline@26:1 (number@26:1 \"2\" Int32)))))\n" },
	{ "$a = $b = 1",
	  "(pipeline@0:11 (= (var@0:2 \"a\")) (pipeline@5:6"
	  " (= (var@5:2 \"b\")) (number@10:1 \"1\" Int32)))\n" },
	{ "$s = tnc a | Select-Object -First 1",
	  "(pipeline@0:35 (= (var@0:2 \"s\")) (command@5:5"
	  " (word@5:3 \"tnc\") (word@9:1 \"a\")) (command@13:22"
	  " (word@13:13 \"Select-Object\") (param@27:6 \"First\")"
	  " (number@34:1 \"1\" Int32)))\n" },
	{ "if ($a) { 1 } elseif ($b) { 2 } else { 3 }",
	  "(if@0:42 (clause (pipeline@4:2 (var@4:2 \"a\"))"
	  " (body (pipeline@10:1 (number@10:1 \"1\" Int32))))"
	  " (clause (pipeline@22:2 (var@22:2 \"b\"))"
	  " (body (pipeline@28:1 (number@28:1 \"2\" Int32))))"
	  " (else (pipeline@39:1 (number@39:1 \"3\" Int32))))\n" },
	{ "if ($a) { 1 }\n"
	  "else { 2 }",
	  "(if@0:24 (clause (pipeline@4:2 (var@4:2 \"a\"))"
	  " (body (pipeline@10:1 (number@10:1 \"1\" Int32))))"
	  " (else (pipeline@21:1 (number@21:1 \"2\" Int32))))\n" },
	{ "if ($a) {}",
	  "(if@0:10 (clause (pipeline@4:2 (var@4:2 \"a\"))"
	  " (body)))\n" },
	{ "foreach ($h in 'a', 'b') { $h }",
	  "(foreach@0:31 (var@9:2 \"h\") (pipeline@15:8"
	  " (array@15:8 (string@15:3 \"a\") (string@20:3 \"b\")))"
	  " (body (pipeline@27:2 (var@27:2 \"h\"))))\n" },
	{ "foreach ($i in 1..3) { if ($i -eq 2) { continue }; break }",
	  "(foreach@0:58 (var@9:2 \"i\") (pipeline@15:4"
	  " (binary@15:4 .. (number@15:1 \"1\" Int32)"
	  " (number@18:1 \"3\" Int32))) (body (if@23:26"
	  " (clause (pipeline@27:8 (binary@27:8 -eq (var@27:2 \"i\")"
	  " (number@34:1 \"2\" Int32))) (body (continue@39:8))))"
	  " (break@51:5)))\n" },
	{ "for ($i = 0; $i -lt 3; $i += 1) { $i }",
	  "(for@0:38 (pipeline@5:6 (= (var@5:2 \"i\"))"
	  " (number@10:1 \"0\" Int32)) (pipeline@13:8"
	  " (binary@13:8 -lt (var@13:2 \"i\") (number@20:1 \"3\" Int32)))"
	  " (pipeline@23:7 (+= (var@23:2 \"i\")) (number@29:1 \"1\" Int32))"
	  " (body (pipeline@34:2 (var@34:2 \"i\"))))\n" },
	{ "for (;;) { break }",
	  "(for@0:18 - - - (body (break@11:5)))\n" },
	{ "for ($i = 0\n"
	  "$i -lt 3\n"
	  "$i += 1) { }",
	  "(for@0:33 (pipeline@5:6 (= (var@5:2 \"i\"))"
	  " (number@10:1 \"0\" Int32)) (pipeline@12:8"
	  " (binary@12:8 -lt (var@12:2 \"i\") (number@19:1 \"3\" Int32)))"
	  " (pipeline@21:7 (+= (var@21:2 \"i\")) (number@27:1 \"1\" Int32))"
	  " (body))\n" },
	{ "while ($true) { continue }",
	  "(while@0:26 (pipeline@7:5 (true@7:5)) (body"
	  " (continue@16:8)))\n" },
	{ "do { $i += 1 } while ($i -lt 3)",
	  "(do-while@0:31 (body (pipeline@5:7 (+= (var@5:2 \"i\"))"
	  " (number@11:1 \"1\" Int32))) (pipeline@22:8"
	  " (binary@22:8 -lt (var@22:2 \"i\") (number@29:1 \"3\" Int32))))\n" },
	{ "do { $i += 1 } until ($i -ge 3)",
	  "(do-until@0:31 (body (pipeline@5:7 (+= (var@5:2 \"i\"))"
	  " (number@11:1 \"1\" Int32))) (pipeline@22:8"
	  " (binary@22:8 -ge (var@22:2 \"i\") (number@29:1 \"3\" Int32))))\n" },
	{ "exit",
	  "(exit@0:4)\n" },
	{ "exit 1",
	  "(exit@0:6 (pipeline@5:1 (number@5:1 \"1\" Int32)))\n" },
	{ "exit $LASTEXITCODE",
	  "(exit@0:18 (pipeline@5:13 (var@5:13 \"LASTEXITCODE\")))\n" },
	{ "throw",
	  "(throw@0:5)\n" },
	{ "throw \"bad $h\"",
	  "(throw@0:14 (pipeline@6:8 (expandable@6:8"
	  " (string@6:5 \"bad \") (var@11:2 \"h\"))))\n" },
	{ "return $x",
	  "(return@0:9 (pipeline@7:2 (var@7:2 \"x\")))\n" },
	{ "try { tnc a } catch [System.Net.WebException], [System.IO.IOException] { 'x' } catch { 'y' "
	  "} finally { 'z' }",
	  "(try@0:108 (body (pipeline@6:5 (command@6:5"
	  " (word@6:3 \"tnc\") (word@10:1 \"a\")))) (catch \"System.Net.WebException\" \"System.IO.IOE"
	  "xception\" (body (pipeline@73:3 (string@73:3 \"x\"))))"
	  " (catch (body (pipeline@87:3 (string@87:3 \"y\"))))"
	  " (finally (pipeline@103:3 (string@103:3 \"z\"))))\n" },
	{ "try { 1 } finally { 2 }",
	  "(try@0:23 (body (pipeline@6:1 (number@6:1 \"1\" Int32)))"
	  " (finally (pipeline@20:1 (number@20:1 \"2\" Int32))))\n" },
	{ "function Test-Port($h, [int]$p = 1433) { tnc $h -Port $p }",
	  "(function@0:58 \"Test-Port\" (params (var@19:2 \"h\")"
	  " (var@23:14 \"p\" [int] (number@33:4 \"1433\" Int32)))"
	  " (body (pipeline@41:15 (command@41:15 (word@41:3 \"tnc\")"
	  " (var@45:2 \"h\") (param@48:5 \"Port\") (var@54:2 \"p\")))))\n" },
	{ "function f { param([string]$Name, $Port = 5022) $Name }",
	  "(function@0:55 \"f\" (params (var@19:13 \"Name\" [string])"
	  " (var@34:12 \"Port\" (number@42:4 \"5022\" Int32)))"
	  " (body (pipeline@48:5 (var@48:5 \"Name\"))))\n" },
	{ "function f() { }",
	  "(function@0:16 \"f\" (body))\n" },
	{ "{ param($a) $a }",
	  "(pipeline@0:16 (scriptblock@0:16 (params (var@8:2 \"a\"))"
	  " (body (pipeline@12:2 (var@12:2 \"a\")))))\n" },
	{ "Write-Output a; Write-Output b\n"
	  "\n"
	  "Write-Output c",
	  "(pipeline@0:14 (command@0:14 (word@0:12 \"Write-Output\")"
	  " (word@13:1 \"a\")))\n"
	  "(pipeline@16:14 (command@16:14 (word@16:12 \"Write-Output\")"
	  " (word@29:1 \"b\")))\n"
	  "(pipeline@32:14 (command@32:14 (word@32:12 \"Write-Output\")"
	  " (word@45:1 \"c\")))\n" },
	{ ";;\n"
	  ";",
	  "" },
	{ "tnc a # a comment\n"
	  "<# block\n"
	  "comment #> tnc b",
	  "(pipeline@0:5 (command@0:5 (word@0:3 \"tnc\")"
	  " (word@4:1 \"a\")))\n"
	  "(pipeline@38:5 (command@38:5 (word@38:3 \"tnc\")"
	  " (word@42:1 \"b\")))\n" },
	{ "tnc host `\n"
	  "  -Port 5022",
	  "(pipeline@0:23 (command@0:23 (word@0:3 \"tnc\")"
	  " (word@4:4 \"host\") (param@13:5 \"Port\")"
	  " (number@19:4 \"5022\" Int32)))\n" },
	{ "1 +\n"
	  "  2",
	  "(pipeline@0:7 (binary@0:7 + (number@0:1 \"1\" Int32)"
	  " (number@6:1 \"2\" Int32)))\n" },
	{ "tnc a |\n"
	  "  Format-List",
	  "(pipeline@0:21 (command@0:5 (word@0:3 \"tnc\")"
	  " (word@4:1 \"a\")) (command@10:11 (word@10:11 \"Format-List\")))\n" },
	{ "Write-Output a,\n"
	  "  b",
	  "(pipeline@0:19 (command@0:19 (word@0:12 \"Write-Output\")"
	  " (array@13:6 (word@13:1 \"a\") (word@18:1 \"b\"))))\n" },
	{ "(1,\n"
	  " 2)",
	  "(pipeline@0:7 (paren@0:7 (pipeline@1:5 (array@1:5"
	  " (number@1:1 \"1\" Int32) (number@5:1 \"2\" Int32)))))\n" },
	{ "tnc -Port:5022 -InformationLevel:Quiet -Force:$false",
	  "(pipeline@0:52 (command@0:52 (word@0:3 \"tnc\")"
	  " (param@4:10 \"Port\" : (number@10:4 \"5022\" Int32))"
	  " (param@15:23 \"InformationLevel\" : (word@33:5 \"Quiet\"))"
	  " (param@39:13 \"Force\" : (false@46:6))))\n" },
	{ "tnc -Port:$p",
	  "(pipeline@0:12 (command@0:12 (word@0:3 \"tnc\")"
	  " (param@4:8 \"Port\" : (var@10:2 \"p\"))))\n" },
	{ "Write-Output 10.0.0.4 5022 5022x 0x10 1kb -5 - --x",
	  "(pipeline@0:50 (command@0:50 (word@0:12 \"Write-Output\")"
	  " (word@13:8 \"10.0.0.4\") (number@22:4 \"5022\" Int32)"
	  " (word@27:5 \"5022x\") (number@33:4 \"0x10\" Int32)"
	  " (number@38:3 \"1kb\" Int32) (word@42:2 \"-5\")"
	  " (word@45:1 \"-\") (word@47:3 \"--x\")))\n" },
	{ "Write-Output 'single' \"double $x\" $x.Name $a[0]"
	  " (1 + 2) $(hostname) @(1, 2) @{a = 1} { 1 }",
	  "(pipeline@0:90 (command@0:90 (word@0:12 \"Write-Output\")"
	  " (string@13:8 \"single\") (expandable@22:11"
	  " (string@22:8 \"double \") (var@30:2 \"x\"))"
	  " (member@34:7 (var@34:2 \"x\") \"Name\") (index@42:5"
	  " (var@42:2 \"a\") (number@45:1 \"0\" Int32))"
	  " (paren@48:7 (pipeline@49:5 (binary@49:5 +"
	  " (number@49:1 \"1\" Int32) (number@53:1 \"2\" Int32))))"
	  " (subexpr@56:11 (pipeline@58:8 (command@58:8"
	  " (word@58:8 \"hostname\")))) (array-expr@68:7"
	  " (pipeline@70:4 (array@70:4 (number@70:1 \"1\" Int32)"
	  " (number@73:1 \"2\" Int32)))) (hashtable@76:8"
	  " ((word@78:1 \"a\") (pipeline@82:1 (number@82:1 \"1\" Int32))))"
	  " (scriptblock@85:5 (body (pipeline@87:1 (number@87:1 \"1\" Int32))))))\n" },
	{ "Select-Object -Property ComputerName, TcpTestSucceeded",
	  "(pipeline@0:54 (command@0:54 (word@0:13 \"Select-Object\")"
	  " (param@14:9 \"Property\") (array@24:30 (word@24:12 \"ComputerName\")"
	  " (word@38:16 \"TcpTestSucceeded\"))))\n" },
	{ "Select-Object @{n = 'Host'; e = { $_.ComputerName }}, TcpTestSucceeded",
	  "(pipeline@0:70 (command@0:70 (word@0:13 \"Select-Object\")"
	  " (array@14:56 (hashtable@14:38 ((word@16:1 \"n\")"
	  " (pipeline@20:6 (string@20:6 \"Host\"))) ((word@28:1 \"e\")"
	  " (pipeline@32:19 (scriptblock@32:19 (body"
	  " (pipeline@34:15 (member@34:15 (var@34:2 \"_\") \"ComputerName\")))))))"
	  " (word@54:16 \"TcpTestSucceeded\"))))\n" },
	{ "Where-Object TcpTestSucceeded -eq $true",
	  "(pipeline@0:39 (command@0:39 (word@0:12 \"Where-Object\")"
	  " (word@13:16 \"TcpTestSucceeded\") (param@30:3 \"eq\")"
	  " (true@34:5)))\n" },
	{ "1..3 | % { $_ } | ? { $_ -gt 1 }",
	  "(pipeline@0:32 (binary@0:4 .. (number@0:1 \"1\" Int32)"
	  " (number@3:1 \"3\" Int32)) (command@7:8 (word@7:1 \"%\")"
	  " (scriptblock@9:6 (body (pipeline@11:2 (var@11:2 \"_\")))))"
	  " (command@18:14 (word@18:1 \"?\") (scriptblock@20:12"
	  " (body (pipeline@22:8 (binary@22:8 -gt (var@22:2 \"_\")"
	  " (number@29:1 \"1\" Int32)))))))\n" },
	{ "Write-Output a'b'c host$i \"h$($x)y\"",
	  "(pipeline@0:35 (command@0:35 (word@0:12 \"Write-Output\")"
	  " (word@13:5 \"abc\") (expandable@19:6 (string@19:4 \"host\")"
	  " (var@23:2 \"i\")) (expandable@26:9 (string@26:2 \"h\")"
	  " (subexpr@28:5 (pipeline@30:2 (var@30:2 \"x\")))"
	  " (string@33:2 \"y\"))))\n" },
	{ "Get-Content C:\\logs\\x.txt",
	  "(pipeline@0:25 (command@0:25 (word@0:11 \"Get-Content\")"
	  " (word@12:13 \"C:\\\\logs\\\\x.txt\")))\n" },
	{ "echo if else foreach in",
	  "(pipeline@0:23 (command@0:23 (word@0:4 \"echo\")"
	  " (word@5:2 \"if\") (word@8:4 \"else\") (word@13:7 \"foreach\")"
	  " (word@21:2 \"in\")))\n" },
	{ "Write-Host \"a\" -ForegroundColor Green -NoNewline",
	  "(pipeline@0:48 (command@0:48 (word@0:10 \"Write-Host\")"
	  " (string@11:3 \"a\") (param@15:16 \"ForegroundColor\")"
	  " (word@32:5 \"Green\") (param@38:10 \"NoNewline\")))\n" },
	{ "tnc `n `t `$x `\"",
	  "(pipeline@0:16 (command@0:16 (word@0:3 \"tnc\")"
	  " (word@4:2 \"\\n\") (word@7:2 \"\\t\") (word@10:3 \"$x\")"
	  " (word@14:2 \"\\\"\")))\n" },
	{ "$a -ieq 'A' -and $b -ceq 'B' -xor $c -clike 'x*'",
	  "(pipeline@0:48 (binary@0:48 -xor (binary@0:28 -and"
	  " (binary@0:11 -ieq (var@0:2 \"a\") (string@8:3 \"A\"))"
	  " (binary@17:11 -ceq (var@17:2 \"b\") (string@25:3 \"B\")))"
	  " (binary@34:14 -clike (var@34:2 \"c\") (string@44:4 \"x*\"))))\n" },
	{ "$a -imatch 'x' -or $a -notmatch 'y' -or $a -csplit ',' -or $a -isplit ','",
	  "(pipeline@0:73 (binary@0:73 -or (binary@0:54 -or"
	  " (binary@0:35 -or (binary@0:14 -imatch (var@0:2 \"a\")"
	  " (string@11:3 \"x\")) (binary@19:16 -notmatch"
	  " (var@19:2 \"a\") (string@32:3 \"y\"))) (binary@40:14 -csplit"
	  " (var@40:2 \"a\") (string@51:3 \",\"))) (binary@59:14 -isplit"
	  " (var@59:2 \"a\") (string@70:3 \",\"))))\n" },
	{ "$a -contains 1 -and 1 -in $a -and 1 -notin $b -and $a -notcontains 2",
	  "(pipeline@0:68 (binary@0:68 -and (binary@0:45 -and"
	  " (binary@0:28 -and (binary@0:14 -contains"
	  " (var@0:2 \"a\") (number@13:1 \"1\" Int32))"
	  " (binary@20:8 -in (number@20:1 \"1\" Int32)"
	  " (var@26:2 \"a\"))) (binary@34:11 -notin (number@34:1 \"1\" Int32)"
	  " (var@43:2 \"b\"))) (binary@51:17 -notcontains"
	  " (var@51:2 \"a\") (number@67:1 \"2\" Int32))))\n" },
	{ "$a -like 'x*' -and $a -notlike 'y*' -and $a -cnotlike 'z'",
	  "(pipeline@0:57 (binary@0:57 -and (binary@0:35 -and"
	  " (binary@0:13 -like (var@0:2 \"a\") (string@9:4 \"x*\"))"
	  " (binary@19:16 -notlike (var@19:2 \"a\") (string@31:4 \"y*\")))"
	  " (binary@41:16 -cnotlike (var@41:2 \"a\")"
	  " (string@54:3 \"z\"))))\n" },
	{ "$a -replace 'a', 'b'",
	  "(pipeline@0:20 (binary@0:20 -replace (var@0:2 \"a\")"
	  " (array@12:8 (string@12:3 \"a\") (string@17:3 \"b\"))))\n" },
	{ "$a -is [int] -and $a -isnot [string] -and"
	  " ($a -as [int]) -ne $null",
	  "(pipeline@0:66 (binary@0:66 -and (binary@0:36 -and"
	  " (binary@0:12 -is (var@0:2 \"a\") (type@7:5 \"int\"))"
	  " (binary@18:18 -isnot (var@18:2 \"a\") (type@28:8 \"string\")))"
	  " (binary@42:24 -ne (paren@42:14 (pipeline@43:12"
	  " (binary@43:12 -as (var@43:2 \"a\") (type@50:5 \"int\"))))"
	  " (null@61:5))))\n" },
	{ "$a -join ', '",
	  "(pipeline@0:13 (binary@0:13 -join (var@0:2 \"a\")"
	  " (string@9:4 \", \")))\n" },
	{ "[int]$x",
	  "(pipeline@0:7 (cast@0:7 \"int\" (var@5:2 \"x\")))\n" },
	{ "[int[]]$x",
	  "(pipeline@0:9 (cast@0:9 \"int[]\" (var@7:2 \"x\")))\n" },
	{ "[System.Collections.Generic.List[string]]$x",
	  "(pipeline@0:43 (cast@0:43 \"System.Collections.Generic.List[string]\""
	  " (var@41:2 \"x\")))\n" },
	{ "[string[,]]$x",
	  "(pipeline@0:13 (cast@0:13 \"string[,]\" (var@11:2 \"x\")))\n" },
	{ "[pscustomobject]@{ Name = 'x'; Port = 5022 }",
	  "(pipeline@0:44 (cast@0:44 \"pscustomobject\""
	  " (hashtable@16:28 ((word@19:4 \"Name\") (pipeline@26:3"
	  " (string@26:3 \"x\"))) ((word@31:4 \"Port\")"
	  " (pipeline@38:4 (number@38:4 \"5022\" Int32))))))\n" },
	{ "[ordered]@{ b = 2; a = 1 }",
	  "(pipeline@0:26 (hashtable@0:26 ordered ((word@12:1 \"b\")"
	  " (pipeline@16:1 (number@16:1 \"2\" Int32)))"
	  " ((word@19:1 \"a\") (pipeline@23:1 (number@23:1 \"1\" Int32)))))\n" },
	{ "[int]::MaxValue",
	  "(pipeline@0:15 (static-member@0:15 (type@0:5 \"int\") \"MaxValue\"))\n" },
	{ "[math]::Round(2.5, 0)",
	  "(pipeline@0:21 (static-invoke@0:21 (type@0:6 \"math\") \"Round\""
	  " (args (number@14:3 \"2.5\" Double) (number@19:1 \"0\" Int32))))\n" },
	{ "[datetime]",
	  "(pipeline@0:10 (type@0:10 \"datetime\"))\n" },
	{ "$a[0].Name",
	  "(pipeline@0:10 (member@0:10 (index@0:5 (var@0:2 \"a\")"
	  " (number@3:1 \"0\" Int32)) \"Name\"))\n" },
	{ "$a[-1]",
	  "(pipeline@0:6 (index@0:6 (var@0:2 \"a\") (number@3:2 \"-1\" Int32)))\n" },
	{ "$x.Split(',')[0].Trim().ToLower()",
	  "(pipeline@0:33 (invoke@0:33 (invoke@0:23 (index@0:16"
	  " (invoke@0:13 (var@0:2 \"x\") \"Split\" (args"
	  " (string@9:3 \",\"))) (number@14:1 \"0\" Int32)) \"Trim\""
	  " (args)) \"ToLower\" (args)))\n" },
	{ "$x.$y",
	  "(pipeline@0:5 (member@0:5 (var@0:2 \"x\")"
	  " (var@3:2 \"y\")))\n" },
	{ "$x.('a b')",
	  "(pipeline@0:10 (member@0:10 (var@0:2 \"x\")"
	  " (paren@3:7 (pipeline@4:5 (string@4:5 \"a b\")))))\n" },
	{ "$x.Method{ 1 }",
	  "(pipeline@0:14 (invoke@0:14 (var@0:2 \"x\") \"Method\""
	  " (args (scriptblock@9:5 (body (pipeline@11:1"
	  " (number@11:1 \"1\" Int32)))))))\n" },
	{ "$r.PingReplyDetails.RoundtripTime",
	  "(pipeline@0:33 (member@0:33 (member@0:19 (var@0:2 \"r\") \"PingReplyDetails\") \"RoundtripT"
	  "ime\"))\n" },
	{ "$x.\n"
	  "  Name",
	  "(pipeline@0:10 (member@0:10 (var@0:2 \"x\") \"Name\"))\n" },
	{ "$_; $PSItem; $?; $LASTEXITCODE; $$; $^",
	  "(pipeline@0:2 (var@0:2 \"_\"))\n"
	  "(pipeline@4:7 (var@4:7 \"PSItem\"))\n"
	  "(pipeline@13:2 (var@13:2 \"?\"))\n"
	  "(pipeline@17:13 (var@17:13 \"LASTEXITCODE\"))\n"
	  "(pipeline@32:2 (var@32:2 \"$\"))\n"
	  "(pipeline@36:2 (var@36:2 \"^\"))\n" },
	{ "$env:MI_HOST; ${env:ProgramFiles(x86)}; ${a b}; $script:x; $global:y; $local:z; $private:w",
	  "(pipeline@0:12 (var@0:12 env \"MI_HOST\"))\n"
	  "(pipeline@14:24 (var@14:24 env \"ProgramFiles(x86)\"))\n"
	  "(pipeline@40:6 (var@40:6 \"a b\"))\n"
	  "(pipeline@48:9 (var@48:9 script \"x\"))\n"
	  "(pipeline@59:9 (var@59:9 global \"y\"))\n"
	  "(pipeline@70:8 (var@70:8 local \"z\"))\n"
	  "(pipeline@80:10 (var@80:10 private \"w\"))\n" },
	{ "$true; $false; $null; $TRUE",
	  "(pipeline@0:5 (true@0:5))\n"
	  "(pipeline@7:6 (false@7:6))\n"
	  "(pipeline@15:5 (null@15:5))\n"
	  "(pipeline@22:5 (true@22:5))\n" },
	{ "'it''s'",
	  "(pipeline@0:7 (string@0:7 \"it's\"))\n" },
	{ "\"a\"\"b\"",
	  "(pipeline@0:6 (string@0:6 \"a\\\"b\"))\n" },
	{ "\"a`tb`n`r`0\"",
	  "(pipeline@0:12 (string@0:12 \"a\\tb\\n\\r\"))\n" },
	{ "\"$x.Prop\"",
	  "(pipeline@0:9 (expandable@0:9 (var@1:2 \"x\")"
	  " (string@3:6 \".Prop\")))\n" },
	{ "\"$($x.Prop)\"",
	  "(pipeline@0:12 (expandable@0:12 (subexpr@1:10"
	  " (pipeline@3:7 (member@3:7 (var@3:2 \"x\") \"Prop\")))))\n" },
	{ "\"${x}y\"",
	  "(pipeline@0:7 (expandable@0:7 (var@1:4 \"x\")"
	  " (string@5:2 \"y\")))\n" },
	{ "\"cost $ 5 and $\"",
	  "(pipeline@0:16 (string@0:16 \"cost $ 5 and $\"))\n" },
	{ "\"$($(\"\"a\"\"))\"",
	  "(pipeline@0:13 (expandable@0:13 (subexpr@1:11"
	  " (pipeline@3:8 (subexpr@3:8 (pipeline@6:4"
	  " (string@6:4 \"a\")))))))\n" },
	{ "\"`$x\"",
	  "(pipeline@0:5 (string@0:5 \"$x\"))\n" },
	{ "@'\n"
	  "literal $x\n"
	  "'@",
	  "(pipeline@0:16 (string@0:16 \"literal $x\"))\n" },
	{ "@\"\n"
	  "hello $name\r\n"
	  "bye\n"
	  "\"@",
	  "(pipeline@0:22 (expandable@0:22 (string@0:9 \"hello \")"
	  " (var@9:5 \"name\") (string@14:8 \"\\r\\nbye\")))\n" },
	{ "@\"\n"
	  "\"@",
	  "(pipeline@0:5 (string@0:5 \"\"))\n" },
	{ "\xe2""\x80""\x98""quoted\xe2""\x80""\x99"" + \xe2""\x80""\x9c""dq $x\xe2""\x80""\x9d""",
	  "(pipeline@0:26 (binary@0:26 + (string@0:12 \"quoted\")"
	  " (expandable@15:11 (string@15:6 \"dq \") (var@21:2 \"x\"))))\n" },
	{ "\xe2""\x80""\x93""not $x",
	  "(pipeline@0:9 (unary@0:9 -not (var@7:2 \"x\")))\n" },
	{ "0x1F; 1kb; 1.5; 1e3; 10l; 2.5d; .5; 1.; 9223372036854775808; -2147483648; 0xFFFFFFFF",
	  "(pipeline@0:4 (number@0:4 \"0x1F\" Int32))\n"
	  "(pipeline@6:3 (number@6:3 \"1kb\" Int32))\n"
	  "(pipeline@11:3 (number@11:3 \"1.5\" Double))\n"
	  "(pipeline@16:3 (number@16:3 \"1e3\" Double))\n"
	  "(pipeline@21:3 (number@21:3 \"10l\" Int64))\n"
	  "(pipeline@26:4 (number@26:4 \"2.5d\" Decimal))\n"
	  "(pipeline@32:2 (number@32:2 \".5\" Double))\n"
	  "(pipeline@36:2 (number@36:2 \"1.\" Double))\n"
	  "(pipeline@40:19 (number@40:19 \"9223372036854775808\" Decimal))\n"
	  "(pipeline@61:11 (number@61:11 \"-2147483648\" Int32))\n"
	  "(pipeline@74:10 (number@74:10 \"0xFFFFFFFF\" Int32))\n" },
	{ "@{}; @(); $()",
	  "(pipeline@0:3 (hashtable@0:3))\n"
	  "(pipeline@5:3 (array-expr@5:3))\n"
	  "(pipeline@10:3 (subexpr@10:3))\n" },
	{ "@{\n"
	  "  a = 1\n"
	  "  b = 2; c = 3\n"
	  "}",
	  "(pipeline@0:27 (hashtable@0:27 ((word@5:1 \"a\")"
	  " (pipeline@9:1 (number@9:1 \"1\" Int32)))"
	  " ((word@13:1 \"b\") (pipeline@17:1 (number@17:1 \"2\" Int32)))"
	  " ((word@20:1 \"c\") (pipeline@24:1 (number@24:1 \"3\" Int32)))))\n" },
	{ "@{ 'quoted key' = 1; 5 = 2; ($k) = 3 }",
	  "(pipeline@0:38 (hashtable@0:38 ((string@3:12 \"quoted key\")"
	  " (pipeline@18:1 (number@18:1 \"1\" Int32)))"
	  " ((number@21:1 \"5\" Int32) (pipeline@25:1"
	  " (number@25:1 \"2\" Int32))) ((paren@28:4"
	  " (pipeline@29:2 (var@29:2 \"k\"))) (pipeline@35:1"
	  " (number@35:1 \"3\" Int32)))))\n" },
	{ "@{ a = @{ b = 1 } }",
	  "(pipeline@0:19 (hashtable@0:19 ((word@3:1 \"a\")"
	  " (pipeline@7:10 (hashtable@7:10 ((word@10:1 \"b\")"
	  " (pipeline@14:1 (number@14:1 \"1\" Int32))))))))\n" },
	{ "@{ a = tnc x | Select-Object -First 1 }",
	  "(pipeline@0:39 (hashtable@0:39 ((word@3:1 \"a\")"
	  " (pipeline@7:30 (command@7:5 (word@7:3 \"tnc\")"
	  " (word@11:1 \"x\")) (command@15:22 (word@15:13 \"Select-Object\")"
	  " (param@29:6 \"First\") (number@36:1 \"1\" Int32))))))\n" },
	{ "$h = @{}; $h.Add('a', 1)",
	  "(pipeline@0:8 (= (var@0:2 \"h\")) (hashtable@5:3))\n"
	  "(pipeline@10:14 (invoke@10:14 (var@10:2 \"h\") \"Add\""
	  " (args (string@17:3 \"a\") (number@22:1 \"1\" Int32))))\n" },
	/* The retired parser's (parser.c, lexer.c) cases check_ast had no case like */
	{ "tnc 10.0.0.4 -port:5022 -Port: 'a''b' | fl; x",
	  "(pipeline@0:42 (command@0:37 (word@0:3 \"tnc\")"
	  " (word@4:8 \"10.0.0.4\") (param@13:10 \"port\" :"
	  " (number@19:4 \"5022\" Int32)) (param@24:13 \"Port\" :"
	  " (string@31:6 \"a'b\"))) (command@40:2 (word@40:2 \"fl\")))\n"
	  "(pipeline@44:1 (command@44:1 (word@44:1 \"x\")))\n" },
	{ "Write-Output sqlmi.example.net Format-List Remote* * 10.0.0.4 ::1 fe80::1%12 80x a=b C:\\x "
	  "user@host --help - a#b 1.2.3 [x]",
	  "(pipeline@0:122 (command@0:122 (word@0:12 \"Write-Output\")"
	  " (word@13:17 \"sqlmi.example.net\") (word@31:11 \"Format-List\")"
	  " (word@43:7 \"Remote*\") (word@51:1 \"*\")"
	  " (word@53:8 \"10.0.0.4\") (word@62:3 \"::1\")"
	  " (word@66:10 \"fe80::1%12\") (word@77:3 \"80x\")"
	  " (word@81:3 \"a=b\") (word@85:4 \"C:\\\\x\")"
	  " (word@90:9 \"user@host\") (word@100:6 \"--help\")"
	  " (word@107:1 \"-\") (word@109:3 \"a#b\") (word@113:5 \"1.2.3\")"
	  " (word@119:3 \"[x]\")))\n" },
	/* issue 10.3: '<' and '>' inside a word are the word's own */
	{ "tnc host<x> a>b 5022<x db.<region>.net",
	  "(pipeline@0:38 (command@0:38 (word@0:3 \"tnc\")"
	  " (word@4:7 \"host<x>\") (word@12:3 \"a>b\") (word@16:6 \"5022<x\")"
	  " (word@23:15 \"db.<region>.net\")))\n" },
	/* <# #> where a token starts is a comment; inside a word, text */
	{ "tnc a <# the MI\n#> -port 1",
	  "(pipeline@0:26 (command@0:26 (word@0:3 \"tnc\") (word@4:1 \"a\")"
	  " (param@19:5 \"port\") (number@25:1 \"1\" Int32)))\n" },
	{ "tnc a<#b#>",
	  "(pipeline@0:10 (command@0:10 (word@0:3 \"tnc\")"
	  " (word@4:6 \"a<#b#>\")))\n" },
	/* an em dash starts a parameter as '-' does */
	{ "tnc -TraceRoute:$FALSE -x:$true $Null \xe2\x80\x94Port 1 -?",
	  "(pipeline@0:50 (command@0:50 (word@0:3 \"tnc\")"
	  " (param@4:18 \"TraceRoute\" : (false@16:6)) (param@23:8 \"x\" :"
	  " (true@26:5)) (null@32:5) (param@38:7 \"Port\")"
	  " (number@46:1 \"1\" Int32) (param@48:2 \"?\")))\n" },
	/* doubled and typographic quotes; a comment ends at the line */
	{ "tnc \"a \"\"b\"\" c\" '' \"\" \xe2\x80\x98q\xe2\x80\x99 # comment $x `\n'x'",
	  "(pipeline@0:29 (command@0:29 (word@0:3 \"tnc\")"
	  " (string@4:11 \"a \\\"b\\\" c\") (string@16:2 \"\")"
	  " (string@19:2 \"\") (string@22:7 \"q\")))\n"
	  "(pipeline@45:3 (string@45:3 \"x\"))\n" },
	/*
	 * Numbers in argument mode.  A sign makes a word there: tokenizer.cs
	 * scans "-5" as a number only with AllowSignedNumbers, which only the
	 * expression parser sets (the retired lexer made it a number).
	 */
	{ "tnc 5022 -5 0x1F 0xFFFFFFFF 0x100000000 1kb 2GB 1pb 1.5 1.5kb 1e3 2.5e-1 .5 -.5 10l 2.5d "
	  "3000000000 \xe2\x80\x93""7",
	  "(pipeline@0:104 (command@0:104 (word@0:3 \"tnc\")"
	  " (number@4:4 \"5022\" Int32) (word@9:2 \"-5\")"
	  " (number@12:4 \"0x1F\" Int32) (number@17:10 \"0xFFFFFFFF\" Int32)"
	  " (number@28:11 \"0x100000000\" Int64) (number@40:3 \"1kb\" Int32)"
	  " (number@44:3 \"2GB\" Int64) (number@48:3 \"1pb\" Int64)"
	  " (number@52:3 \"1.5\" Double) (number@56:5 \"1.5kb\" Double)"
	  " (number@62:3 \"1e3\" Double) (number@66:6 \"2.5e-1\" Double)"
	  " (number@73:2 \".5\" Double) (word@76:3 \"-.5\")"
	  " (number@80:3 \"10l\" Int64) (number@84:4 \"2.5d\" Decimal)"
	  " (number@89:10 \"3000000000\" Int64)"
	  " (word@100:4 \"\xe2\x80\x93""7\")))\n" },
	{ "'sql1','sql2' | tnc -port 5022; (tnc h -p 1).TcpTestSucceeded\n"
	  "\n"
	  "tnc -p:1 |\n"
	  " fl",
	  "(pipeline@0:30 (array@0:13 (string@0:6 \"sql1\")"
	  " (string@7:6 \"sql2\")) (command@16:14 (word@16:3 \"tnc\")"
	  " (param@20:5 \"port\") (number@26:4 \"5022\" Int32)))\n"
	  "(pipeline@32:29 (member@32:29 (paren@32:12 (pipeline@33:10"
	  " (command@33:10 (word@33:3 \"tnc\") (word@37:1 \"h\")"
	  " (param@39:2 \"p\")"
	  " (number@42:1 \"1\" Int32)))) \"TcpTestSucceeded\"))\n"
	  "(pipeline@63:14 (command@63:8 (word@63:3 \"tnc\")"
	  " (param@67:4 \"p\" : (number@70:1 \"1\" Int32))) (command@75:2"
	  " (word@75:2 \"fl\")))\n" },
	{ "tnc -p: 1,2 x",
	  "(pipeline@0:13 (command@0:13 (word@0:3 \"tnc\") (param@4:7 \"p\" :"
	  " (array@8:3 (number@8:1 \"1\" Int32) (number@10:1 \"2\" Int32)))"
	  " (word@12:1 \"x\")))\n" },
	/* a string ends at its quote: two arguments (the retired lexer refused
	   it, QuoteInWordNotSupported) */
	{ "tnc 'a'b",
	  "(pipeline@0:8 (command@0:8 (word@0:3 \"tnc\") (string@4:3 \"a\")"
	  " (word@7:1 \"b\")))\n" },
	/* a parameter token first is a command's name (CommandRule), not the
	   retired parser's UnexpectedToken */
	{ "-port 5",
	  "(pipeline@0:7 (command@0:7 (word@0:5 \"-port\")"
	  " (number@6:1 \"5\" Int32)))\n" },
};

/*
 * about_Operator_Precedence: its examples (2 + 3 * 4, the [string] cast
 * before the index, -gt before -and, the assignment of a whole pipeline),
 * then each level against its neighbours.
 */
static const struct dump_case precedence[] = {
	{ "2 + 3 * 4",
	  "(pipeline@0:9 (binary@0:9 + (number@0:1 \"2\" Int32)"
	  " (binary@4:5 * (number@4:1 \"3\" Int32) (number@8:1 \"4\" Int32))))\n" },
	{ "(2 + 3) * 4",
	  "(pipeline@0:11 (binary@0:11 * (paren@0:7 (pipeline@1:5"
	  " (binary@1:5 + (number@1:1 \"2\" Int32) (number@5:1 \"3\" Int32))))"
	  " (number@10:1 \"4\" Int32)))\n" },
	{ "[string]@('Windows','PowerShell','2.0')[0]",
	  "(pipeline@0:42 (cast@0:42 \"string\" (index@8:34"
	  " (array-expr@8:31 (pipeline@10:28 (array@10:28"
	  " (string@10:9 \"Windows\") (string@20:12 \"PowerShell\")"
	  " (string@33:5 \"2.0\")))) (number@40:1 \"0\" Int32))))\n" },
	{ "([string]@('Windows','PowerShell','2.0'))[0]",
	  "(pipeline@0:44 (index@0:44 (paren@0:41 (pipeline@1:39"
	  " (cast@1:39 \"string\" (array-expr@9:31 (pipeline@11:28"
	  " (array@11:28 (string@11:9 \"Windows\") (string@21:12 \"PowerShell\")"
	  " (string@34:5 \"2.0\"))))))) (number@42:1 \"0\" Int32)))\n" },
	{ "2 -gt 4 -and 1",
	  "(pipeline@0:14 (binary@0:14 -and (binary@0:7 -gt"
	  " (number@0:1 \"2\" Int32) (number@6:1 \"4\" Int32))"
	  " (number@13:1 \"1\" Int32)))\n" },
	{ "(2 -gt 4) -and 1",
	  "(pipeline@0:16 (binary@0:16 -and (paren@0:9"
	  " (pipeline@1:7 (binary@1:7 -gt (number@1:1 \"2\" Int32)"
	  " (number@7:1 \"4\" Int32)))) (number@15:1 \"1\" Int32)))\n" },
	{ "2 -gt (4 -and 1)",
	  "(pipeline@0:16 (binary@0:16 -gt (number@0:1 \"2\" Int32)"
	  " (paren@6:10 (pipeline@7:8 (binary@7:8 -and"
	  " (number@7:1 \"4\" Int32) (number@14:1 \"1\" Int32))))))\n" },
	{ "$read_only = get-childitem *.txt | where-object {$_.isReadOnly}",
	  "(pipeline@0:63 (= (var@0:10 \"read_only\"))"
	  " (command@13:19 (word@13:13 \"get-childitem\")"
	  " (word@27:5 \"*.txt\")) (command@35:28 (word@35:12 \"where-object\")"
	  " (scriptblock@48:15 (body (pipeline@49:13"
	  " (member@49:13 (var@49:2 \"_\") \"isReadOnly\"))))))\n" },
	{ "$read_only = ( get-childitem *.txt | where-object {$_.isReadOnly} )",
	  "(pipeline@0:67 (= (var@0:10 \"read_only\"))"
	  " (paren@13:54 (pipeline@15:50 (command@15:19"
	  " (word@15:13 \"get-childitem\") (word@29:5 \"*.txt\"))"
	  " (command@37:28 (word@37:12 \"where-object\")"
	  " (scriptblock@50:15 (body (pipeline@51:13"
	  " (member@51:13 (var@51:2 \"_\") \"isReadOnly\"))))))))\n" },
	{ "-not $a -eq $b",
	  "(pipeline@0:14 (binary@0:14 -eq (unary@0:7 -not"
	  " (var@5:2 \"a\")) (var@12:2 \"b\")))\n" },
	{ "1 + 2 -eq 3 -and 4 * 5 -gt 6 -or $x",
	  "(pipeline@0:35 (binary@0:35 -or (binary@0:28 -and"
	  " (binary@0:11 -eq (binary@0:5 + (number@0:1 \"1\" Int32)"
	  " (number@4:1 \"2\" Int32)) (number@10:1 \"3\" Int32))"
	  " (binary@17:11 -gt (binary@17:5 * (number@17:1 \"4\" Int32)"
	  " (number@21:1 \"5\" Int32)) (number@27:1 \"6\" Int32)))"
	  " (var@33:2 \"x\")))\n" },
	{ "'{0}:{1}' -f $h, $p",
	  "(pipeline@0:19 (binary@0:19 -f (string@0:9 \"{0}:{1}\")"
	  " (array@13:6 (var@13:2 \"h\") (var@17:2 \"p\"))))\n" },
	{ "1..10 + 5",
	  "(pipeline@0:9 (binary@0:9 + (binary@0:5 .."
	  " (number@0:1 \"1\" Int32) (number@3:2 \"10\" Int32))"
	  " (number@8:1 \"5\" Int32)))\n" },
	{ "-1 + -$x - - 2",
	  "(pipeline@0:14 (binary@0:14 - (binary@0:8 +"
	  " (number@0:2 \"-1\" Int32) (unary@5:3 - (var@6:2 \"x\")))"
	  " (unary@11:3 - (number@13:1 \"2\" Int32))))\n" },
	{ "!$x",
	  "(pipeline@0:3 (unary@0:3 -not (var@1:2 \"x\")))\n" },
	{ "-split 'a b' -join ','",
	  "(pipeline@0:22 (binary@0:22 -join (unary@0:12 -split"
	  " (string@7:5 \"a b\")) (string@19:3 \",\")))\n" },
	{ ",1",
	  "(pipeline@0:2 (array@0:2 (number@1:1 \"1\" Int32)))\n" },
	{ "1, 2 -eq 1",
	  "(pipeline@0:10 (binary@0:10 -eq (array@0:4"
	  " (number@0:1 \"1\" Int32) (number@3:1 \"2\" Int32))"
	  " (number@9:1 \"1\" Int32)))\n" },
	{ "[int] '5' + 1",
	  "(pipeline@0:13 (binary@0:13 + (cast@0:9 \"int\""
	  " (string@6:3 \"5\")) (number@12:1 \"1\" Int32)))\n" },
	{ "[string]$a.b",
	  "(pipeline@0:12 (cast@0:12 \"string\" (member@8:4"
	  " (var@8:2 \"a\") \"b\")))\n" },
	{ "[int][string]$x",
	  "(pipeline@0:15 (cast@0:15 \"int\" (cast@5:10 \"string\""
	  " (var@13:2 \"x\"))))\n" },
};

/* The five scripts of issue 11, verbatim */
static const struct dump_case issue_scripts[] = {
	{ "$r = Test-NetConnection -ComputerName sqlmi.contoso.net -Port 5022 -WarningAction SilentlyC"
	  "ontinue\n"
	  "if ($r.TcpTestSucceeded) { Write-Output \"5022 open on $($r.RemoteAddress)\" } else { Write"
	  "-Output \"5022 closed\"; exit 1 }",
	  "(pipeline@0:98 (= (var@0:2 \"r\")) (command@5:93"
	  " (word@5:18 \"Test-NetConnection\") (param@24:13 \"ComputerName\")"
	  " (word@38:17 \"sqlmi.contoso.net\") (param@56:5 \"Port\")"
	  " (number@62:4 \"5022\" Int32) (param@67:14 \"WarningAction\")"
	  " (word@82:16 \"SilentlyContinue\")))\n"
	  "(if@99:120 (clause (pipeline@103:19 (member@103:19"
	  " (var@103:2 \"r\") \"TcpTestSucceeded\"))"
	  " (body (pipeline@126:47 (command@126:47 (word@126:12 \"Write-Output\")"
	  " (expandable@139:34 (string@139:14 \"5022 open on \")"
	  " (subexpr@153:19 (pipeline@155:16 (member@155:16"
	  " (var@155:2 \"r\") \"RemoteAddress\"))))))))"
	  " (else (pipeline@183:26 (command@183:26 (word@183:12 \"Write-Output\")"
	  " (string@196:13 \"5022 closed\"))) (exit@211:6"
	  " (pipeline@216:1 (number@216:1 \"1\" Int32)))))\n" },
	{ "foreach ($h in 'sql1','sql2') { Test-NetConnection $h -Port 1433 | Select-Object ComputerNa"
	  "me, TcpTestSucceeded }",
	  "(foreach@0:113 (var@9:2 \"h\") (pipeline@15:13"
	  " (array@15:13 (string@15:6 \"sql1\") (string@22:6 \"sql2\")))"
	  " (body (pipeline@32:79 (command@32:32 (word@32:18 \"Test-NetConnection\")"
	  " (var@51:2 \"h\") (param@54:5 \"Port\") (number@60:4 \"1433\" Int32))"
	  " (command@67:44 (word@67:13 \"Select-Object\")"
	  " (array@81:30 (word@81:12 \"ComputerName\")"
	  " (word@95:16 \"TcpTestSucceeded\"))))))\n" },
	{ "11000..11999 | ForEach-Object { tnc sqlmi.contoso.net -Port $_ -InformationLevel Quiet }",
	  "(pipeline@0:88 (binary@0:12 .. (number@0:5 \"11000\" Int32)"
	  " (number@7:5 \"11999\" Int32)) (command@15:73"
	  " (word@15:14 \"ForEach-Object\") (scriptblock@30:58"
	  " (body (pipeline@32:54 (command@32:54 (word@32:3 \"tnc\")"
	  " (word@36:17 \"sqlmi.contoso.net\") (param@54:5 \"Port\")"
	  " (var@60:2 \"_\") (param@63:17 \"InformationLevel\")"
	  " (word@81:5 \"Quiet\")))))))\n" },
	{ "if ((Test-NetConnection 127.0.0.1 -Port 5730 -WarningAction SilentlyContinue).TcpTestSuccee"
	  "ded) { exit 0 } else { exit 1 }",
	  "(if@0:122 (clause (pipeline@4:90 (member@4:90"
	  " (paren@4:73 (pipeline@5:71 (command@5:71"
	  " (word@5:18 \"Test-NetConnection\") (word@24:9 \"127.0.0.1\")"
	  " (param@34:5 \"Port\") (number@40:4 \"5730\" Int32)"
	  " (param@45:14 \"WarningAction\") (word@60:16 \"SilentlyContinue\")))) \"TcpTestSucceeded\")"
	  ") (body (exit@98:6 (pipeline@103:1 (number@103:1 \"0\" Int32)))))"
	  " (else (exit@114:6 (pipeline@119:1 (number@119:1 \"1\" Int32)))))\n" },
	{ "$ok = (Test-NetConnection $env:MI_HOST -Port 5022 -InformationLevel Quiet) -eq $true",
	  "(pipeline@0:84 (= (var@0:3 \"ok\")) (binary@6:78 -eq"
	  " (paren@6:68 (pipeline@7:66 (command@7:66"
	  " (word@7:18 \"Test-NetConnection\") (var@26:12 env \"MI_HOST\")"
	  " (param@39:5 \"Port\") (number@45:4 \"5022\" Int32)"
	  " (param@50:17 \"InformationLevel\") (word@68:5 \"Quiet\"))))"
	  " (true@79:5)))\n" },
};

/*
 * Each error: PowerShell's own id, text and extent (Parser.cs, tokenizer.cs,
 * ParserStrings.resx) where PowerShell refuses, and "not supported by tnc"
 * where tnc refuses valid PowerShell.
 */
static const struct error_case errors[] = {
	{ "if ($a) { tnc a", "MissingEndCurlyBrace",
	  "Missing closing '}' in statement block or type definition.", 8, 1 },
	{ "@{ a = 1", "MissingEndCurlyBrace",
	  "Missing closing '}' in statement block or type definition.", 2, 0 },
	{ "{ 1", "MissingEndCurlyBrace",
	  "Missing closing '}' in statement block or type definition.", 0, 1 },
	{ "function f { 1", "MissingEndCurlyBrace",
	  "Missing closing '}' in statement block or type definition.", 11, 1 },
	{ "$a -eq", "ExpectedValueExpression",
	  "You must provide a value expression following the '-eq' operator.", 6, 0 },
	{ "1 +", "ExpectedValueExpression",
	  "You must provide a value expression following the '+' operator.", 3, 0 },
	{ "$x = 1 -and", "ExpectedValueExpression",
	  "You must provide a value expression following the '-and' operator.", 11, 0 },
	{ "-not", "MissingExpressionAfterOperator",
	  "Missing expression after unary operator '-not'.", 4, 0 },
	{ "$a = ", "ExpectedValueExpression",
	  "You must provide a value expression following the '=' operator.", 4, 0 },
	{ "$a +=", "ExpectedValueExpression",
	  "You must provide a value expression following the '+=' operator.", 5, 0 },
	{ "if $a { 1 }", "MissingOpenParenthesisInIfStatement",
	  "Missing '(' after 'if' in if statement.", 2, 0 },
	{ "if () { 1 }", "IfStatementMissingCondition",
	  "Missing condition in if statement after 'if"
	  " ('.", 4, 0 },
	{ "if ($a { 1 }", "UnexpectedToken",
	  "Unexpected token '{' in expression or statement.", 7, 1 },
	{ "if ($a)", "MissingStatementBlock",
	  "Missing statement block after if ( condition ).", 6, 1 },
	{ "if ($a) { 1 } else", "MissingStatementBlockAfterElse",
	  "Missing statement block after 'else' keyword.", 18, 0 },
	{ "1 2", "UnexpectedToken",
	  "Unexpected token '2' in expression or statement.", 2, 1 },
	{ "$a = 1 )", "UnexpectedToken",
	  "Unexpected token ')' in expression or statement.", 7, 1 },
	{ ")", "UnexpectedToken",
	  "Unexpected token ')' in expression or statement.", 0, 1 },
	{ "}", "UnexpectedToken",
	  "Unexpected token '}' in expression or statement.", 0, 1 },
	{ "tnc a }", "UnexpectedToken",
	  "Unexpected token '}' in expression or statement.", 6, 1 },
	{ "(1", "MissingEndParenthesisInExpression",
	  "Missing closing ')' in expression.", 2, 0 },
	{ "(1 2)", "UnexpectedToken",
	  "Unexpected token '2' in expression or statement.", 3, 1 },
	{ "()", "ExpectedExpression",
	  "An expression was expected after '('.", 1, 0 },
	{ "$(1", "MissingEndParenthesisInSubexpression",
	  "Missing closing ')' in subexpression.", 3, 0 },
	{ "@(1", "MissingEndParenthesisInSubexpression",
	  "Missing closing ')' in subexpression.", 3, 0 },
	{ "$a.", "MissingPropertyName",
	  "Missing property name after reference operator.", 3, 0 },
	{ "$a[", "MissingArrayIndexExpression",
	  "Array index expression is missing or not valid.", 3, 0 },
	{ "$a[0", "MissingEndSquareBracket",
	  "Missing ']' after array index expression.", 4, 0 },
	{ "$a.b(1", "MissingEndParenthesisInMethodCall",
	  "Missing ')' in method call.", 6, 0 },
	{ "$a.b(1,", "MissingExpressionAfterToken",
	  "Missing expression after ','.", 7, 0 },
	{ "1,", "MissingExpressionAfterToken",
	  "Missing expression after ','.", 2, 0 },
	{ "tnc a,", "MissingExpression",
	  "Missing expression after ',' in pipeline element.", 6, 0 },
	{ "@{ a }", "MissingEqualsInHashLiteral",
	  "Missing '=' operator after key in hash literal.", 4, 0 },
	{ "@{ a = }", "MissingStatementInHashLiteral",
	  "Missing statement after '=' in hash literal.", 6, 0 },
	{ "[int", "EndSquareBracketExpectedAtEndOfAttribute",
	  "Missing ] at end of attribute or type literal.", 4, 0 },
	{ "[", "MissingTypename",
	  "Missing type name after '['.", 1, 0 },
	{ "[int]::", "MissingPropertyName",
	  "Missing property name after reference operator.", 7, 0 },
	{ "[int,", "TypeNameNotSupported",
	  "Assembly-qualified type names are not supported by tnc.", 4, 1 },
	{ "[System.Int32, mscorlib]$x", "TypeNameNotSupported",
	  "Assembly-qualified type names are not supported by tnc.", 13, 1 },
	{ "[Parameter(]", "MissingEndParenthesisInExpression",
	  "Missing closing ')' in expression.", 11, 0 },
	{ "[Parameter(Mandatory=)]$x", "MissingExpressionInNamedArgument",
	  "Missing statement after '=' in named argument.", 21, 0 },
	{ "[Parameter(Mandatory=$true)]$x", "AttributeNotSupported",
	  "Attributes are not supported by tnc: '[Parameter(Mandatory=$true)]'.", 0, 28 },
	{ "[ordered]$x", "OrderedAttributeOnlyOnHashLiteralNode",
	  "The ordered attribute can be specified only on a hash literal node.", 0, 9 },
	{ "foreach $x in $a { }", "MissingOpenParenthesisAfterKeyword",
	  "Missing opening '(' after keyword 'foreach'.", 7, 0 },
	{ "foreach () { }", "MissingVariableNameAfterForeach",
	  "Missing variable name after foreach.\n"
	  "The correct form is: foreach ($a in $b) {...}", 9, 0 },
	{ "foreach ($x $a) { }", "MissingInInForeach",
	  "Missing 'in' after variable in foreach loop.\n"
	  "The correct form is: foreach ($a in $b) {...}", 11, 0 },
	{ "foreach ($x in) { }", "MissingForeachExpression",
	  "Missing expression in foreach loop.\n"
	  "The correct form is: foreach ($a in $b) {...}", 14, 0 },
	{ "foreach ($x in $a { }", "UnexpectedToken",
	  "Unexpected token '{' in expression or statement.", 18, 1 },
	{ "foreach ($x in $a)", "MissingForeachStatement",
	  "Missing statement body in foreach loop.\n"
	  "The correct form is: foreach ($a in $b) {...}", 18, 0 },
	{ "foreach -parallel ($x in $a) { }", "ForeachFlagNotSupported",
	  "The foreach statement's -Parallel is not supported by tnc.", 8, 9 },
	{ "foreach -throttlelimit 5 ($x in $a) { }", "ForeachFlagNotSupported",
	  "The foreach statement's -ThrottleLimit is not supported by tnc.", 8, 14 },
	{ "foreach -bogus ($x in $a) { }", "InvalidForeachFlag",
	  "The parameter bogus is not valid for the foreach statement.", 8, 6 },
	{ "for $i { }", "MissingOpenParenthesisAfterKeyword",
	  "Missing opening '(' after keyword 'for'.", 3, 0 },
	{ "for ($i = 0; $i -lt 3", "MissingEndParenthesisAfterStatement",
	  "Missing closing ')' after expression in 'for' statement.", 21, 0 },
	{ "for (;;)", "MissingLoopStatement",
	  "Missing statement body in for loop.", 8, 0 },
	{ "while $true { }", "MissingOpenParenthesisAfterKeyword",
	  "Missing opening '(' after keyword 'while'.", 5, 0 },
	{ "while () { }", "MissingExpressionAfterKeyword",
	  "Missing expression after 'while' in loop.", 7, 0 },
	{ "while ($true { }", "UnexpectedToken",
	  "Unexpected token '{' in expression or statement.", 13, 1 },
	{ "while ($true)", "MissingLoopStatement",
	  "Missing statement body in while loop.", 13, 0 },
	{ "do { }", "MissingWhileOrUntilInDoWhile",
	  "Missing while or until keyword in do loop.", 6, 0 },
	{ "do { } while", "MissingOpenParenthesisAfterKeyword",
	  "Missing opening '(' after keyword 'while'.", 12, 0 },
	{ "do", "MissingLoopStatement",
	  "Missing statement body in do loop.", 2, 0 },
	{ "try", "MissingTryStatementBlock",
	  "The Try statement is missing its statement block.", 3, 0 },
	{ "try { }", "MissingCatchOrFinally",
	  "The Try statement is missing its Catch or Finally block.", 7, 0 },
	{ "try { } catch", "MissingCatchHandlerBlock",
	  "The Catch block is missing its statement block.", 13, 0 },
	{ "try { } catch [int], { }", "MissingTypeLiteralToken",
	  "Missing type literal.", 20, 0 },
	{ "try { } catch { } catch [int] { }", "EmptyCatchNotLast",
	  "Catch block must be the last catch block.", 8, 9 },
	{ "try { } finally", "MissingFinallyStatementBlock",
	  "The Finally block is missing its statement block.", 15, 0 },
	{ "function", "MissingNameAfterKeyword",
	  "Missing name after function keyword.", 8, 0 },
	{ "function f", "MissingFunctionBody",
	  "Missing function body in function declaration.", 10, 0 },
	{ "function f(", "MissingEndParenthesisInFunctionParameterList",
	  "Missing ')' in function parameter list.", 11, 0 },
	{ "function f($a", "MissingEndParenthesisInFunctionParameterList",
	  "Missing ')' in function parameter list.", 13, 0 },
	{ "function f($a) { param($b) }", "OnlyOneParameterListAllowed",
	  "The param statement cannot be used if arguments were specified in the function declaration.", 15, 13 },
	{ "function f([int] 5) { }", "InvalidFunctionParameter",
	  "Parameter declarations are a comma-separated list of variable names with optional initializ"
	  "er expressions.", 16, 0 },
	{ "function f($a = ) { }", "MissingExpressionAfterToken",
	  "Missing expression after '='.", 15, 0 },
	{ "function f($a, ) { }", "MissingExpressionAfterToken",
	  "Missing expression after ','.", 14, 0 },
	{ "filter f { }", "KeywordNotSupported",
	  "The 'filter' keyword is not supported by tnc.", 0, 6 },
	{ "workflow w { }", "KeywordNotSupported",
	  "The 'workflow' keyword is not supported by tnc.", 0, 8 },
	{ "function f { begin { } process { } }", "NamedBlockNotSupported",
	  "The 'begin' block is not supported by tnc.", 13, 5 },
	{ "function f { begin }", "MissingNamedStatementBlock",
	  "Missing statement block after 'begin'.", 18, 0 },
	{ "function f { param($a) begin { 1 } 2 }", "MissingEndCurlyBrace",
	  "Missing closing '}' in statement block or type definition.", 11, 1 },
	{ "param($a) tnc $a", "ParamBlockNotSupported",
	  "The script's param() block is not supported by tnc: a -Command script takes no arguments.", 0, 9 },
	{ "switch ($x) { 1 { 'a' } }", "KeywordNotSupported",
	  "The 'switch' keyword is not supported by tnc.", 0, 6 },
	{ "class C { }", "KeywordNotSupported",
	  "The 'class' keyword is not supported by tnc.", 0, 5 },
	{ "enum E { A }", "KeywordNotSupported",
	  "The 'enum' keyword is not supported by tnc.", 0, 4 },
	{ "using namespace System", "KeywordNotSupported",
	  "The 'using' keyword is not supported by tnc.", 0, 5 },
	{ "trap { continue }", "KeywordNotSupported",
	  "The 'trap' keyword is not supported by tnc.", 0, 4 },
	{ "data { 'x' }", "KeywordNotSupported",
	  "The 'data' keyword is not supported by tnc.", 0, 4 },
	{ "configuration C { }", "KeywordNotSupported",
	  "The 'configuration' keyword is not supported by tnc.", 0, 13 },
	{ "parallel { }", "KeywordNotSupported",
	  "The 'parallel' keyword is not supported by tnc.", 0, 8 },
	{ "sequence { }", "KeywordNotSupported",
	  "The 'sequence' keyword is not supported by tnc.", 0, 8 },
	{ "define", "ReservedKeywordNotAllowed",
	  "The 'define' keyword is not supported in this version of the language.", 0, 6 },
	{ "from", "ReservedKeywordNotAllowed",
	  "The 'from' keyword is not supported in this version of the language.", 0, 4 },
	{ "var", "ReservedKeywordNotAllowed",
	  "The 'var' keyword is not supported in this version of the language.", 0, 3 },
	{ ":outer foreach ($x in $a) { break outer }", "LabelNotSupported",
	  "Loop labels are not supported by tnc: ':outer'.", 0, 6 },
	{ "break outer", "LabelNotSupported",
	  "Loop labels are not supported by tnc: 'outer'.", 6, 5 },
	{ "tnc a > out.txt", "RedirectionNotSupported",
	  "Redirection is not supported by tnc: '>'. Redirect tnc's output in the calling shell instea"
	  "d.", 6, 1 },
	{ "tnc a 2>&1", "RedirectionNotSupported",
	  "Redirection is not supported by tnc: '>'. Redirect tnc's output in the calling shell instea"
	  "d.", 7, 1 },
	{ "tnc a >> log", "RedirectionNotSupported",
	  "Redirection is not supported by tnc: '>>'. Redirect tnc's output in the calling shell inste"
	  "ad.", 6, 2 },
	{ "tnc a >", "MissingFileSpecification",
	  "Missing file specification after redirection operator.", 7, 0 },
	{ "tnc a < in.txt", "RedirectionNotSupported",
	  "The '<' operator is reserved for future use.", 6, 1 },
	{ "tnc a 2>", "MissingFileSpecification",
	  "Missing file specification after redirection operator.", 8, 0 },
	{ "& tnc a", "CallOperatorNotSupported",
	  "The '&' operator is not supported by tnc. tnc never runs other commands.", 0, 1 },
	{ ". ./x.ps1", "DotSourceNotSupported",
	  "Dot-sourcing is not supported by tnc: '.'. tnc never runs scripts.", 0, 1 },
	{ "tnc -- a", "EndOfParametersNotSupported",
	  "The '--' end-of-parameters marker is not supported by tnc.", 4, 2 },
	{ "tnc --% a b", "StopParsingNotSupported",
	  "The stop-parsing symbol '--%' is not supported by tnc.", 4, 3 },
	{ "tnc a && tnc b", "InvalidEndOfLine",
	  "The token '&&' is not a valid statement separator in this version.", 6, 2 },
	{ "tnc a || tnc b", "InvalidEndOfLine",
	  "The token '||' is not a valid statement separator in this version.", 6, 2 },
	{ "tnc a & b", "AmpersandNotAllowed",
	  "The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap"
	  " an ampersand in double quotation marks (\"&\") to pass it as part of a string.", 6, 1 },
	{ "$a -band 1", "OperatorNotSupported",
	  "The '-band' operator is not supported by tnc.", 3, 5 },
	{ "$a -bor 1", "OperatorNotSupported",
	  "The '-bor' operator is not supported by tnc.", 3, 4 },
	{ "$a -bxor 1", "OperatorNotSupported",
	  "The '-bxor' operator is not supported by tnc.", 3, 5 },
	{ "-bnot $a", "OperatorNotSupported",
	  "The '-bnot' operator is not supported by tnc.", 0, 5 },
	{ "$a -shl 1", "OperatorNotSupported",
	  "The '-shl' operator is not supported by tnc.", 3, 4 },
	{ "$a -shr 1", "OperatorNotSupported",
	  "The '-shr' operator is not supported by tnc.", 3, 4 },
	{ "5++", "OperatorRequiresVariableOrProperty",
	  "The '++' operator works only on variables or on properties.", 0,
	  1 },
	{ "--'a'", "OperatorRequiresVariableOrProperty",
	  "The '--' operator works only on variables or on properties.", 2,
	  3 },
	{ "++(1)", "OperatorRequiresVariableOrProperty",
	  "The '++' operator works only on variables or on properties.", 2,
	  3 },
	{ "tnc @params", "SplattingNotSupported",
	  "Splatting is not supported by tnc: '@params'.", 4, 7 },
	{ "${c:\\x}", "VariableNotSupported",
	  "The variable '${c:\\x}' is not supported by tnc.", 0, 7 },
	{ "$function:f", "VariableNotSupported",
	  "The variable '$function:f' is not supported by tnc.", 0, 11 },
	{ "[int]$x = 5", "AssignmentNotSupported",
	  "Assigning to '[int]$x' is not supported by tnc.", 0, 7 },
	{ "$a, $b = 1, 2", "AssignmentNotSupported",
	  "Assigning to '$a, $b' is not supported by tnc.", 0, 6 },
	{ "$a.b() = 1", "AssignmentNotSupported",
	  "Assigning to '$a.b()' is not supported by tnc.", 0, 6 },
	{ "1 = 2", "InvalidLeftHandSide",
	  "The assignment expression is not valid. The input to an assignment operator must be an obje"
	  "ct that is able to accept assignments, such as a variable or a property.", 0, 1 },
	{ "$a + 1 = 2", "InvalidLeftHandSide",
	  "The assignment expression is not valid. The input to an assignment operator must be an obje"
	  "ct that is able to accept assignments, such as a variable or a property.", 0, 6 },
	{ "tnc a | $x", "ExpressionsMustBeFirstInPipeline",
	  "Expressions are only allowed as the first element of a pipeline.", 8, 2 },
	{ "tnc a | 1", "ExpressionsMustBeFirstInPipeline",
	  "Expressions are only allowed as the first element of a pipeline.", 8, 1 },
	{ "tnc a | | b", "EmptyPipeElement",
	  "An empty pipe element is not allowed.", 7, 0 },
	{ "tnc a |", "EmptyPipeElement",
	  "An empty pipe element is not allowed.", 7, 0 },
	{ "| tnc a", "EmptyPipeElement",
	  "An empty pipe element is not allowed.", 0, 1 },
	{ "<# never closed", "MissingTerminatorMultiLineComment",
	  "The terminator '#>' is missing from the multiline comment.", 0, 15 },
	{ "'abc", "TerminatorExpectedAtEndOfString",
	  "The string is missing the terminator: '.", 0, 4 },
	{ "\"abc", "TerminatorExpectedAtEndOfString",
	  "The string is missing the terminator: \".", 0, 4 },
	{ "\"$(1\"", "IncompleteDollarSubexpressionReference",
	  "$(subexpression) is missing the closing ')'.", 1, 4 },
	{ "@'x\n"
	  "'@", "UnexpectedCharactersAfterHereStringHeader",
	  "No characters are allowed after a here-string header but before the end of the line.", 2, 1 },
	{ "@'\n"
	  "x\n"
	  " '@", "WhitespaceBeforeHereStringFooter",
	  "White space is not allowed before the string terminator.", 6, 2 },
	{ "${a", "IncompleteDollarVariableReference",
	  "${variable} reference starting is missing the closing '}'.", 1, 2 },
	{ "${}", "EmptyVariableReference",
	  "An empty ${} variable reference was found. A name is required inside the braces.", 2, 1 },
	{ "$a:", "InvalidVariableReferenceWithDrive",
	  "Variable reference is not valid. ':' was not followed by a valid variable name character. C"
	  "onsider using ${} to delimit the name.", 0, 3 },
	{ "$env:", "InvalidVariableReferenceWithDrive",
	  "Variable reference is not valid. ':' was not followed by a valid variable name character. C"
	  "onsider using ${} to delimit the name.", 0, 5 },
	{ "\"${a{}\"", "OpenBraceNeedsToBeBackTickedInVariableName",
	  "Use `{ instead of { in variable names.", 4, 1 },
	{ "@\"\n"
	  "abc", "TerminatorExpectedAtEndOfString",
	  "The string is missing the terminator: \"@.", 0, 6 },
	{ "@", "UnrecognizedToken",
	  "Unrecognized token in source text.", 0, 1 },
	{ "tnc -Port:", "ParameterRequiresArgument",
	  "Parameter -Port: requires an argument.", 10, 0 },
	{ "tnc -Port: ,", "MissingArgument",
	  "Missing argument in parameter list.", 11, 1 },
	{ "1 + `", "IncompleteString",
	  "Incomplete string token.", 5, 0 },
	{ "1 + 99999999999999999999999999999999d", "BadNumericConstant",
	  "The numeric constant 99999999999999999999999999999999d is not valid.", 37, 0 },
	/* the character after the number; at the end of the script, none */
	{ "1 + 1e99999", "BadNumericConstant",
	  "The numeric constant 1e99999 is not valid.", 11, 0 },
	{ "1 + 1e99999 ", "BadNumericConstant",
	  "The numeric constant 1e99999 is not valid.", 11, 1 },
	{ "tnc a; &", "MissingExpression",
	  "Missing expression after '&' in pipeline element.", 7, 1 },
	{ "function f { [int] param($a) }", "TypeNotAllowedBeforeParam",
	  "Unexpected type [int] was found in the parameter statement.", 13, 5 },
	{ "[Parameter()]", "UnexpectedAttribute",
	  "Unexpected attribute 'Parameter'.", 0, 13 },
	{ "[int[]", "EndSquareBracketExpectedAtEndOfAttribute",
	  "Missing ] at end of attribute or type literal.", 6, 0 },
	{ "[int[", "MissingTypename",
	  "Missing type name after '['.", 5, 0 },
	{ "${env:}", "InvalidBracedVariableReference",
	  "Variable reference is not valid. The variable name is missing.", 0, 7 },
	{ "foreach -throttlelimit", "MissingThrottleLimit",
	  "The ThrottleLimit parameter of the foreach statement is missing a value. Supply a throttle "
	  "limit to the parameter.", 22, 0 },
	{ "[List[[int", "EndSquareBracketExpectedAtEndOfType",
	  "Missing ] at end of type token.", 10, 0 },
	{ "\"`", "TerminatorExpectedAtEndOfString",
	  "The string is missing the terminator: \".", 0, 2 },
	{ "if ($a) { 1 } elseif", "MissingOpenParenthesisInIfStatement",
	  "Missing '(' after 'elseif' in if statement.", 20, 0 },
	{ "if ($a) { 1 } elseif ($b)", "MissingStatementBlock",
	  "Missing statement block after elseif ( condition ).", 24, 1 },
	{ "@{ a = 1 b = 2 }", "UnexpectedToken",
	  "Unexpected token 'b' in expression or statement.", 9, 1 },
	{ "$x = ,", "MissingExpressionAfterOperator",
	  "Missing expression after unary operator ','.", 6, 0 },
	{ "exit 1 2", "UnexpectedToken",
	  "Unexpected token '2' in expression or statement.", 7, 1 },
	/*
	 * The retired parser's (parser.c) cases that check_ast had no case
	 * like: argument mode strings, every redirection form, '<' (issue
	 * 10.3), and the errors of commands inside ( ).
	 */
	{ "tnc 'abc", "TerminatorExpectedAtEndOfString",
	  "The string is missing the terminator: '.", 4, 4 },
	{ "tnc \"abc", "TerminatorExpectedAtEndOfString",
	  "The string is missing the terminator: \".", 4, 4 },
	{ "tnc a 2>> err", "RedirectionNotSupported",
	  "Redirection is not supported by tnc: '>>'. Redirect tnc's output in the calling shell inste"
	  "ad.", 7, 2 },
	{ "tnc <SQL_SERVER_IP_ADDRESS> -port 5022", "RedirectionNotSupported",
	  "The '<' operator is reserved for future use.", 4, 1 },
	{ "tnc 'a'<b", "RedirectionNotSupported",
	  "The '<' operator is reserved for future use.", 7, 1 },
	{ "tnc a <", "MissingFileSpecification",
	  "Missing file specification after redirection operator.", 7, 0 },
	{ "tnc a < | fl", "MissingFileSpecification",
	  "Missing file specification after redirection operator.", 7, 0 },
	{ "tnc a <  -- ", "MissingFileSpecification",
	  "Missing file specification after redirection operator.", 7, 0 },
	/* from '<#' to the end, as tokenizer.cs's ScanBlockComment reports it
	   (the retired parser said 6,0) */
	{ "tnc a <# note", "MissingTerminatorMultiLineComment",
	  "The terminator '#>' is missing from the multiline comment.", 6, 7 },
	{ "tnc a 2>err", "RedirectionNotSupported",
	  "Redirection is not supported by tnc: '>'. Redirect tnc's output in the calling shell instea"
	  "d.", 7, 1 },
	{ "tnc a *> err", "RedirectionNotSupported",
	  "Redirection is not supported by tnc: '>'. Redirect tnc's output in the calling shell instea"
	  "d.", 7, 1 },
	/* after the '|' (Parser.cs PipelineRule: After(pipeToken)); the retired
	   parser underlined the '|' */
	{ "tnc a |; fl", "EmptyPipeElement",
	  "An empty pipe element is not allowed.", 7, 0 },
	{ "(tnc host", "MissingEndParenthesisInExpression",
	  "Missing closing ')' in expression.", 9, 0 },
	{ "tnc a)", "UnexpectedToken",
	  "Unexpected token ')' in expression or statement.", 5, 1 },
	{ "'a' b", "UnexpectedToken",
	  "Unexpected token 'b' in expression or statement.", 4, 1 },
	{ "(tnc a) b", "UnexpectedToken",
	  "Unexpected token 'b' in expression or statement.", 8, 1 },
	/* GetCommandArgument's MissingExpression after a trailing ',' (the
	   retired parser said MissingArgument) */
	{ "tnc -p:1,", "MissingExpression",
	  "Missing expression after ',' in pipeline element.", 9, 0 },
	{ "'a', | tnc", "MissingExpressionAfterToken",
	  "Missing expression after ','.", 4, 0 },
	{ "(tnc a).", "MissingPropertyName",
	  "Missing property name after reference operator.", 8, 0 },
	/* a ',' before any argument: CommandRule's MissingArgument, on it */
	{ "tnc ,a", "MissingArgument",
	  "Missing argument in parameter list.", 4, 1 },
	/* found by fuzz_main: the whole character is named, nothing after it */
	{ "(2).4. \xc8\x83", "UnexpectedToken",
	  "Unexpected token '\xc8\x83' in expression or statement.", 7, 2 },
};

START_TEST(test_grammar)
{
	assert_dump(grammar[_i].script, grammar[_i].dump);
}
END_TEST

START_TEST(test_precedence)
{
	assert_dump(precedence[_i].script, precedence[_i].dump);
}
END_TEST

START_TEST(test_issue_scripts)
{
	assert_dump(issue_scripts[_i].script, issue_scripts[_i].dump);
}
END_TEST

START_TEST(test_errors)
{
	assert_error(&errors[_i]);
}
END_TEST

/* An error already in e is freed and replaced; a later success clears it */
START_TEST(test_error_reset)
{
	struct ast_list l;
	struct ps_error e = { 0 };

	ck_assert_int_eq(ast_parse("if (", &l, &e), -1);
	ck_assert_str_eq(e.error_id, "IfStatementMissingCondition");
	ck_assert_int_eq(ast_parse("1 +", &l, &e), -1);
	ck_assert_str_eq(e.error_id, "ExpectedValueExpression");
	ck_assert_int_eq(ast_parse("1 + 2", &l, &e), 0);
	ck_assert_ptr_null(e.message);
	ck_assert_ptr_null(e.error_id);
	ck_assert_uint_eq(l.n, 1);
	ast_list_free(&l);
	ps_error_free(&e);
}
END_TEST

/* The first error wins, wherever the later ones are */
START_TEST(test_first_error)
{
	struct ast_list l;
	struct ps_error e = { 0 };

	/* a syntax error ends the parse at once */
	ck_assert_int_eq(ast_parse("(1 2) + (", &l, &e), -1);
	ck_assert_str_eq(e.error_id, "UnexpectedToken");
	ck_assert_uint_eq(e.offset, 3);
	/* PowerShell reports a syntax error before a refusal found earlier */
	ck_assert_int_eq(ast_parse("tnc a > x; if (", &l, &e), -1);
	ck_assert_str_eq(e.error_id, "IfStatementMissingCondition");
	/* the first of two refusals */
	ck_assert_int_eq(ast_parse("tnc @p; $a -band 1", &l, &e), -1);
	ck_assert_str_eq(e.error_id, "SplattingNotSupported");
	ps_error_free(&e);
}
END_TEST

static char *
repeat(const char *head, const char *unit, size_t n, const char *tail)
{
	size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
	char *s = malloc(hl + ul * n + tl + 1), *w;

	ck_assert_ptr_nonnull(s);
	memcpy(s, head, hl);
	w = s + hl;
	for (size_t i = 0; i < n; i++, w += ul)
		memcpy(w, unit, ul);
	memcpy(w, tail, tl + 1);
	return s;
}

/* Nested n times: open^n inner close^n */
static char *
nested(const char *open, const char *inner, const char *close, size_t n)
{
	char *a = repeat("", open, n, inner), *b;

	b = repeat(a, close, n, "");
	free(a);
	return b;
}

static void
assert_depth(char *s, int want_rc)
{
	struct ast_list l;
	struct ps_error e = { 0 };

	ck_assert_int_eq(ast_parse(s, &l, &e), want_rc);
	if (want_rc == 0) {
		ast_list_free(&l);
	} else {
		ck_assert_str_eq(e.error_id, "NestingTooDeep");
		ck_assert_str_eq(e.message, "The script nests more deeply "
		    "than tnc supports (200 levels).");
		ck_assert_uint_le(e.length, 1);
		ck_assert_uint_le(e.offset + e.length, strlen(s));
	}
	ps_error_free(&e);
	free(s);
}

/*
 * Nesting is refused past the limit, whatever nests: a fuzzer's input
 * must not overflow the stack (the parser and ast_free() recurse).
 */
START_TEST(test_nesting_limit)
{
	assert_depth(nested("(", "1", ")", 198), 0);
	assert_depth(nested("(", "1", ")", 199), -1);
	assert_depth(nested("(", "1", ")", 100000), -1);
	assert_depth(nested("{", "", "}", 99), 0);
	assert_depth(nested("{", "", "}", 100000), -1);
	assert_depth(nested("@(", "", ")", 98), 0);
	assert_depth(nested("$(", "", ")", 100000), -1);
	assert_depth(nested("\"$(", "1", ")\"", 300), -1);
	assert_depth(nested("@{a=", "1", "}", 300), -1);
	assert_depth(nested("if (1) {", "", "}", 95), 0);
	assert_depth(nested("if (1) {", "", "}", 10000), -1);
	assert_depth(nested("[a[", "b", "]]", 300), -1);
	/* long chains nest too: a + b + c is ((a + b) + c) */
	assert_depth(repeat("1", " + 1", 199, ""), 0);
	assert_depth(repeat("1", " + 1", 200, ""), -1);
	assert_depth(repeat("$x", ".a", 198, ""), 0);
	assert_depth(repeat("$x", ".a", 100000, ""), -1);
	assert_depth(repeat("", "-", 100000, "1"), -1);
	/* refused where the script ends: the extent stops there (fuzz_ast) */
	assert_depth(repeat("(((((((($(", "(", 189, ""), -1);
}
END_TEST

/* Long, flat scripts parse: lists and statement lists are loops */
START_TEST(test_large_inputs)
{
	struct ast_list l;
	struct ps_error e = { 0 };
	char *s;

	s = repeat("$a = 0", ", 12345", 100000, "");
	ck_assert_int_eq(ast_parse(s, &l, &e), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.v[0]->elems.v[0]->kind, AST_ARRAY_LITERAL);
	ck_assert_uint_eq(l.v[0]->elems.v[0]->items.n, 100001);
	ast_list_free(&l);
	free(s);

	s = repeat("", "if ($x -eq 1) { tnc a -Port 5022 } else { $y += 1 }\n",
	    10000, "");
	ck_assert_int_eq(ast_parse(s, &l, &e), 0);
	ck_assert_uint_eq(l.n, 10000);
	ck_assert_uint_eq(l.v[9999]->offset, 9999 * strlen("if ($x -eq 1) { "
	    "tnc a -Port 5022 } else { $y += 1 }\n"));
	ast_list_free(&l);
	free(s);

	s = repeat("Write-Output", " a,b", 100000, "");
	ck_assert_int_eq(ast_parse(s, &l, &e), 0);
	ck_assert_uint_eq(l.v[0]->elems.v[0]->args.n, 100000);
	ast_list_free(&l);
	free(s);
	ps_error_free(&e);
}
END_TEST

/* The kinds of the tokens of s[start..] in mode, up to n */
static void
assert_tokens(const char *s, enum tz_mode mode, const enum tz_kind *want,
    size_t n)
{
	struct tokenizer tz;
	struct tz_token t;
	struct ps_error e = { 0 };

	tz_init(&tz, s, 0, strlen(s), NULL, &e);
	tz.mode = mode;
	for (size_t i = 0; i < n; i++) {
		tz_next(&tz, &t);
		ck_assert_msg(t.kind == want[i], "%s: token %zu is %d, want %d",
		    s, i, t.kind, want[i]);
	}
	ck_assert(!tz.failed);
	ps_error_free(&e);
}

/* The same characters make different tokens in the two modes */
START_TEST(test_tokenizer_modes)
{
	static const enum tz_kind eq_expr[] = { TK_OPERATOR, TK_EOF };
	static const enum tz_kind eq_cmd[] = { TK_PARAMETER, TK_EOF };
	static const enum tz_kind sum_expr[] = { TK_NUMBER, TK_OPERATOR,
		TK_NUMBER, TK_EOF };
	static const enum tz_kind sum_cmd[] = { TK_GENERIC, TK_EOF };
	static const enum tz_kind dot_expr[] = { TK_IDENTIFIER, TK_DOT,
		TK_IDENTIFIER, TK_EOF };
	static const enum tz_kind dot_cmd[] = { TK_GENERIC, TK_EOF };
	static const enum tz_kind if_expr[] = { TK_IDENTIFIER, TK_EOF };
	static const enum tz_kind if_cmd[] = { TK_KEYWORD, TK_EOF };
	static const enum tz_kind word[] = { TK_GENERIC, TK_EOF };
	static const enum tz_kind neg_cmd[] = { TK_GENERIC, TK_EOF };
	struct tokenizer tz;
	struct tz_token t;
	struct ps_error e = { 0 };

	assert_tokens("-eq", TZ_EXPRESSION, eq_expr, 2);
	assert_tokens("-eq", TZ_COMMAND, eq_cmd, 2);
	assert_tokens("1+2", TZ_EXPRESSION, sum_expr, 4);
	assert_tokens("1+2", TZ_COMMAND, sum_cmd, 2);
	assert_tokens("host.name", TZ_EXPRESSION, dot_expr, 4);
	assert_tokens("host.name", TZ_COMMAND, dot_cmd, 2);
	assert_tokens("if", TZ_EXPRESSION, if_expr, 2);
	assert_tokens("if", TZ_COMMAND, if_cmd, 2);
	assert_tokens("5022x", TZ_EXPRESSION, word, 2);
	assert_tokens("5022x", TZ_COMMAND, word, 2);
	assert_tokens("-5", TZ_COMMAND, neg_cmd, 2);

	/* a number keeps its value and type; -ceq its case */
	tz_init(&tz, "0x10 -ceq", 0, 9, NULL, &e);
	tz.mode = TZ_EXPRESSION;
	tz_next(&tz, &t);
	ck_assert_int_eq(t.kind, TK_NUMBER);
	ck_assert_int_eq(t.num.type, PS_NUM_INT32);
	ck_assert_int_eq(t.num.ival, 16);
	tz_next(&tz, &t);
	ck_assert_int_eq(t.kind, TK_OPERATOR);
	ck_assert_int_eq(t.id, TZ_OP_EQ);
	ck_assert_int_eq(t.op_case, PS_CASE_SENSITIVE);
	ck_assert_uint_eq(t.start, 5);
	ck_assert_uint_eq(t.end, 9);
	ps_error_free(&e);
}
END_TEST

/*
 * ast_command(): a command of literals as the binder's input, each value
 * as its text makes it, every element with its extent.
 */
START_TEST(test_command_literals)
{
	struct ps_command pc;
	const struct ps_element *el;

	parse_command("tnc h -port 5022 | select ComputerName, RemoteAddress,"
	    " TcpTestSucceeded | Format-List", &pc);
	ck_assert_str_eq(pc.name, "tnc");
	ck_assert_uint_eq(pc.name_offset, 0);
	ck_assert_uint_eq(pc.name_length, 3);
	ck_assert_uint_eq(pc.offset, 0);
	ck_assert_uint_eq(pc.length, 16);
	ck_assert_uint_eq(pc.nelems, 3);
	el = &pc.elems[0];
	ck_assert(!el->is_param && el->has_value);
	ck_assert_int_eq(el->value.kind, PS_VAL_STRING);
	ck_assert(!el->value.quoted);			/* a bare word */
	ck_assert_str_eq(el->value.text, "h");
	el = &pc.elems[1];
	ck_assert(el->is_param && !el->has_value && !el->colon);
	ck_assert_str_eq(el->name, "port");
	ck_assert_uint_eq(el->offset, 6);
	ck_assert_uint_eq(el->length, 5);
	el = &pc.elems[2];
	ck_assert_int_eq(el->value.kind, PS_VAL_NUMBER);
	ck_assert_str_eq(el->value.text, "5022");
	ck_assert_int_eq(el->value.num.type, PS_NUM_INT32);
	ck_assert_int_eq(el->value.num.ival, 5022);
	ck_assert_ptr_null(el->value.object);
	ps_command_free(&pc);
	ck_assert_ptr_null(pc.elems);

	/* a number keeps its text, a string is quoted, the constants */
	parse_command("'a' | select 'b' 0x10 1.50d -x:$true $False $null "
	    "-p: 1,'2' x", &pc);
	ck_assert_str_eq(pc.name, "select");
	ck_assert_uint_eq(pc.name_offset, 6);
	ck_assert_uint_eq(pc.nelems, 8);
	ck_assert(pc.elems[0].value.quoted);
	ck_assert_str_eq(pc.elems[0].value.text, "b");
	ck_assert_str_eq(pc.elems[1].value.text, "0x10");
	ck_assert_int_eq(pc.elems[1].value.num.ival, 16);
	ck_assert_str_eq(pc.elems[2].value.text, "1.50d");
	ck_assert_int_eq(pc.elems[2].value.num.type, PS_NUM_DECIMAL);
	el = &pc.elems[3];
	ck_assert(el->is_param && el->colon && el->has_value);
	ck_assert_int_eq(el->value.kind, PS_VAL_BOOL);
	ck_assert(el->value.bval);
	ck_assert_uint_eq(el->offset, 28);	/* -x:$true, value and all */
	ck_assert_uint_eq(el->length, 8);
	ck_assert_int_eq(pc.elems[4].value.kind, PS_VAL_BOOL);
	ck_assert(!pc.elems[4].value.bval);
	ck_assert_int_eq(pc.elems[5].value.kind, PS_VAL_NULL);
	/* -Name: value: the colon takes the next argument, even a list */
	el = &pc.elems[6];
	ck_assert(el->colon && el->has_value);
	ck_assert_int_eq(el->value.kind, PS_VAL_ARRAY);
	ck_assert_uint_eq(el->value.nitems, 2);
	ck_assert_int_eq(el->value.items[0].kind, PS_VAL_NUMBER);
	ck_assert(el->value.items[1].quoted);
	ck_assert_uint_eq(el->value.offset, 54);
	ck_assert_uint_eq(el->value.length, 5);
	ck_assert_str_eq(pc.elems[7].value.text, "x");
	ps_command_free(&pc);
}
END_TEST

/* What is not a literal is left to the runtime: -2, and nothing lost */
START_TEST(test_command_not_literal)
{
	static const char *const scripts[] = { "tnc $h", "tnc -Port:$p",
		"tnc (1)", "tnc a,$b", "tnc \"h$x\"", "tnc { 1 }",
		"tnc 1,{ 2 }", "tnc @(1)" };
	struct ast_list l;
	struct ps_error e = { 0 };
	struct ps_command pc;
	const struct ast *rest;

	for (size_t i = 0; i < sizeof(scripts) / sizeof(scripts[0]); i++) {
		ck_assert_int_eq(ast_parse(scripts[i], &l, &e), 0);
		ck_assert_msg(ast_command(l.v[0]->elems.v[0], &pc) == -2, "%s",
		    scripts[i]);
		ps_command_free(&pc);
		ast_list_free(&l);
	}
	/* element by element: the one to evaluate comes back, marked */
	ck_assert_int_eq(ast_parse("tnc -Port:$p -x", &l, &e), 0);
	ck_assert_int_eq(ast_command_start(l.v[0]->elems.v[0], &pc), 0);
	ck_assert_int_eq(ast_command_element(&pc,
	    l.v[0]->elems.v[0]->args.v[0], &rest), 0);
	ck_assert_ptr_nonnull(rest);
	ck_assert_int_eq(rest->kind, AST_VARIABLE);
	ck_assert(pc.elems[0].is_param && pc.elems[0].has_value);
	ck_assert_str_eq(pc.elems[0].name, "Port");
	ck_assert_int_eq(ast_command_element(&pc,
	    l.v[0]->elems.v[0]->args.v[1], &rest), 0);
	ck_assert_ptr_null(rest);
	ck_assert_uint_eq(pc.nelems, 2);
	ps_command_free(&pc);
	ast_list_free(&l);
	ps_error_free(&e);
}
END_TEST

static Suite *
ast_suite(void)
{
	Suite *s = suite_create("ast");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_grammar, 0,
	    sizeof(grammar) / sizeof(grammar[0]));
	tcase_add_loop_test(tc, test_precedence, 0,
	    sizeof(precedence) / sizeof(precedence[0]));
	tcase_add_loop_test(tc, test_issue_scripts, 0,
	    sizeof(issue_scripts) / sizeof(issue_scripts[0]));
	tcase_add_loop_test(tc, test_errors, 0,
	    sizeof(errors) / sizeof(errors[0]));
	tcase_add_test(tc, test_error_reset);
	tcase_add_test(tc, test_first_error);
	tcase_add_test(tc, test_nesting_limit);
	tcase_add_test(tc, test_large_inputs);
	tcase_add_test(tc, test_tokenizer_modes);
	tcase_add_test(tc, test_command_literals);
	tcase_add_test(tc, test_command_not_literal);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return check_run(ast_suite());
}
