# Code size and stack report of the core on Cortex-M.
#
#   make size         cross builds (make target), the stack probe on qemu (Cortex-M4 -Os), the
#                     firmware programs on qemu ($(BUILD)/firmware.tsv, see mk/target.mk),
#                     then $(BUILD)/size.tsv (M4 -Os: module, text, data, bss; tzdb; TOTAL),
#                     docs/size.md (M0+/M3/M4 at -Os and -O1, budgets, worst-case stack per
#                     public function) and $(BUILD)/size-readme-block.md (the README block)
#   make size-readme  the same, then replaces the block between
#                     <!-- size-table-begin --> and <!-- size-table-end --> in README.md
#   make check-size   regenerates and compares with README.md and docs/size.md: CI fails when
#                     the committed tables are stale ("N passed, N failed")

SIZE_CFG       := cortex-m4-Os
SIZE_PROBE_ELF  = $(TARGET_DIR)/$(SIZE_CFG)/tests/target-test_stack.elf
SIZE_PROBE_LOG  = $(TARGET_DIR)/$(SIZE_CFG)/stack_probe.log
SIZE_REPORT     = python3 tools/size_report.py --target-dir $(TARGET_DIR) --probe-log $(SIZE_PROBE_LOG) \
                  --firmware $(FW_TSV)

.PHONY: size size-data size-readme check-size

# Builds everything the report reads and runs the probe (its log feeds the "measured" column;
# the probe's pass/fail verdict belongs to check-target).
size-data: target-deps
	@$(MAKE) --no-print-directory target-build $(SIZE_PROBE_ELF)
	@timeout 120 qemu-system-arm -M mps2-an386 -nographic -monitor none -serial none \
	    -semihosting-config enable=on,target=native -kernel $(SIZE_PROBE_ELF) \
	    </dev/null >$(SIZE_PROBE_LOG) 2>&1 || true
	@SHARED=$(SHARED) sh tests/target/run-qemu.sh $(FW_ELFS) >$(FW_DIR)/run.log 2>&1 || true

size: size-data
	@$(SIZE_REPORT) --tsv $(BUILD)/size.tsv --md docs/size.md --block $(BUILD)/size-readme-block.md
	@column -t -s "$$(printf '\t')" $(BUILD)/size.tsv 2>/dev/null || cat $(BUILD)/size.tsv
	@echo "size: wrote $(BUILD)/size.tsv and docs/size.md;" \
	    "README block: $(BUILD)/size-readme-block.md (make size-readme puts it into README.md)"

size-readme: size
	@$(SIZE_REPORT) --update-readme README.md && echo "size: README.md size table updated"

check-size:
	@mkdir -p $(BUILD)
	@$(MAKE) --no-print-directory size-data >$(BUILD)/check-size.log 2>&1 || \
	    { cat $(BUILD)/check-size.log; echo "0 passed, 1 failed"; exit 1; }
	@$(SIZE_REPORT) --check-readme README.md --check-md docs/size.md >$(BUILD)/check-size.out; \
	    rc=$$?; cat $(BUILD)/check-size.out; \
	    p=$$(grep -c '^ok ' $(BUILD)/check-size.out); f=$$(grep -c '^FAIL ' $(BUILD)/check-size.out); \
	    echo "$$p passed, $$f failed"; exit $$rc

CHECK_EXTRA += check-size
