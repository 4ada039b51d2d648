#ifndef TNC_BASE_TYPES_H
#define TNC_BASE_TYPES_H

/*
 * Vocabulary every layer shares (parsers, engine, objects, runtime): kept
 * here so that no lower layer has to include a higher one for an enum.
 */

/* How output lines end (-NewLine) */
enum tnc_newline {
	TNC_NEWLINE_LF,
	TNC_NEWLINE_CRLF
};

/* Whose formatting envelopes the output follows (-OutputStyle) */
enum ps_edition {
	PS_EDITION_51,		/* Windows PowerShell 5.1: the default */
	PS_EDITION_74		/* PowerShell 7.4+ envelope */
};

#endif /* TNC_BASE_TYPES_H */
