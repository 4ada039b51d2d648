# Cases of the static binary's own name resolution (musl), run in its empty
# root by tests/dist/static-root.sh, beside tests/integration/core.sh and
# netlab.sh (whose helpers these use). TNC is tests/dist/in-root.sh.

# resolv.conf's search list: a bare name is tried under lab.test
t_static_search_domain() {
	lab_need || return
	printf 'nameserver 198.18.2.53\nsearch lab.test\noptions timeout:1 attempts:1\n' >"$WORK/resolv.search"
	TNC_ROOT_RESOLV=$WORK/resolv.search run_tnc_in_client server -Port "$LAB_PORT"
	expect_rc 0
	expect_stderr_empty
	lab_tcp_ok server 198.18.2.10 "$LAB_SRC4"
	# without the search list the same name does not resolve
	run_tnc_in_client server -Port "$LAB_PORT" -InformationLevel Quiet
	expect_rc 2
}

# A and AAAA: musl sorts by RFC 6724's policy table, as Windows does, which
# puts IPv4 before a ULA address (fc00::/7); both stay in the list, in order.
t_static_dual_stack_rfc6724_order() {
	lab_need || return
	local admin=""
	[ -n "${TNC_ROOT_USER:-}" ] && admin='IsAdmin                 : False\n'
	run_tnc_in_client dual.lab.test -Port "$LAB_PORT" -InformationLevel Detailed
	expect_rc 0
	expect_stderr_empty
	expect_stdout "\n\nComputerName            : dual.lab.test\nRemoteAddress           : 198.18.2.10\nRemotePort              : %s\nNameResolutionResults   : 198.18.2.10\n                          fd00:198:18:2::10\nMatchingIPsecRules      : \nNetworkIsolationContext : Private Network\n${admin}InterfaceAlias          : lab0\nSourceAddress           : 198.18.1.2\nNetRoute (NextHop)      : 198.18.1.1\nTcpTestSucceeded        : True\n\n\n\n" "$LAB_PORT"
}
