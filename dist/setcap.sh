# dist/setcap.sh: the post-install step of both packages (sourced by the
# .deb's postinst, the RPM's %post). cap_net_raw+p, as iputils' ping has:
# tnc raises the capability only to open its raw ICMP socket, so every
# user's echo works without setuid. Where setcap is missing or the file
# system has no capabilities, the package still works: ICMP then needs
# root or net.ipv4.ping_group_range, which tnc's note explains.
if command -v setcap >/dev/null 2>&1 && setcap cap_net_raw+p /usr/bin/tnc 2>/dev/null; then
	:
else
	echo "tnc: could not set cap_net_raw+p on /usr/bin/tnc (setcap missing, or no file capabilities here);" >&2
	echo "tnc: ICMP echoes work for root, and for others where net.ipv4.ping_group_range allows them" >&2
fi
