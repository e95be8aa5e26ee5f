# `make demo` (the README's first command): installs missing Debian packages
# (tools/deps.sh), builds, generates a test CA, starts the mock InboxApp API
# over HTTPS and walks a campaign through create -> refused enable -> leads ->
# sequence -> enable -> reports -> pause -> report with campctl and the
# reporter, subscribes the webhook receiver (examples/receiver) to the mock's
# signed deliveries, resumes the campaign and shows a replay and a stale
# signature refused, then stops the server. Script: tools/demo.sh.
.PHONY: demo
demo:
	@BUILD=$(BUILD) sh tools/demo.sh
