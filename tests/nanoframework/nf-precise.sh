# Sourced by tests/run. A precise "uses generics" check for a compiled assembly, reading its metadata rather than
# its raw bytes: the names in the #Strings heap (where every type name lives: List`1, Action`1, a user Foo`1) and
# the GenericParam table (generic types and methods declared). nf-compile's own check greps the whole file, so IL
# bytes such as "ldstr 0x70003260" (72 60 32 00 70, read as "r`2") can trip it once an assembly is large; tests/run
# asks this check before calling such an NF0001 a failure. Pure bash and od, like the toolchain's scripts.

# nfm_u16/nfm_u32 FILE OFFSET: little-endian integers
nfm_u16() { od -An -tu2 -j "$2" -N2 "$1" | tr -d ' '; }
nfm_u32() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; }

# nfm_strings_generic_names FILE: the names in the #Strings heap that end in `N (generic type names), one a line
nfm_strings_generic_names() {
  local f=$1 pe nsec optsz opt magic dd rva off md len p n i soff ssize name k sva ssz sraw
  _nfm_off() {
    for ((k = 0; k < nsec; k++)); do
      sva=$(nfm_u32 "$f" $((opt + optsz + 40 * k + 12))); ssz=$(nfm_u32 "$f" $((opt + optsz + 40 * k + 8)))
      sraw=$(nfm_u32 "$f" $((opt + optsz + 40 * k + 20)))
      if [ "$1" -ge "$sva" ] && [ "$1" -lt $((sva + ssz)) ]; then echo $(($1 - sva + sraw)); return; fi
    done; echo -1
  }
  pe=$(nfm_u32 "$f" 60); nsec=$(nfm_u16 "$f" $((pe + 6))); optsz=$(nfm_u16 "$f" $((pe + 20))); opt=$((pe + 24))
  magic=$(nfm_u16 "$f" "$opt")
  [ "$magic" = 523 ] && dd=$((opt + 112)) || dd=$((opt + 96))
  rva=$(nfm_u32 "$f" $((dd + 14 * 8))); off=$(_nfm_off "$rva"); [ "$off" -ge 0 ] || return 1
  md=$(_nfm_off "$(nfm_u32 "$f" $((off + 8)))"); [ "$md" -ge 0 ] || return 1
  len=$(nfm_u32 "$f" $((md + 12))); p=$((md + 16 + len)); n=$(nfm_u16 "$f" $((p + 2))); p=$((p + 4))
  for ((i = 0; i < n; i++)); do
    soff=$(nfm_u32 "$f" "$p"); ssize=$(nfm_u32 "$f" $((p + 4)))
    name=$(od -An -c -j $((p + 8)) -N 12 "$f" | tr -d ' \n' | sed 's/\\0.*//')
    if [ "$name" = "#Strings" ]; then
      tail -c +$((md + soff + 1)) "$f" | head -c "$ssize" | tr '\0' '\n' | LC_ALL=C grep -a -E '`[0-9]+$' || true
      return 0
    fi
    p=$((p + 8 + (${#name} + 4) / 4 * 4))
  done
  return 1
}

# nfm_uses_generics FILE: prints what makes FILE generic and returns 0, or returns 1 when it uses none.
# Needs nf-common.sh sourced (for nf_generic_params).
nfm_uses_generics() {
  local names params
  names=$(nfm_strings_generic_names "$1" | sort -u | tr '\n' ' ')
  params=$(nf_generic_params "$1")
  if [ -n "$names" ] || [ "$params" != 0 ]; then
    echo "${names:+generic type names ${names% }; }$params generic type parameters declared"
    return 0
  fi
  return 1
}

# nfm_compile KIND OUT TESTS FILES...: the compile nf-compile does (same compiler, references and defines), judged by
# nfm_uses_generics instead of the raw-byte scan. TESTS=1 adds the TestFramework and DEBUG, as nf-test does.
# Extra references (your own nanoFramework libraries) come from the array NFM_REFS.
NFM_REFS=()
nfm_compile() {
  local kind=$1 out=$2 tests=$3 a args=() log rc=0 why; shift 3
  args=(/noconfig /nostdlib+ /nologo /deterministic+ /optimize+ /debug- "/target:$kind" /define:NANOFRAMEWORK_1_0)
  [ "$tests" = 1 ] && args+=(/define:DEBUG)
  for a in $(nf_lib_order); do
    if nf_is_test_asm "$a"; then
      [ "$tests" = 1 ] && [ "$a" = nanoFramework.TestFramework ] || continue
    fi
    args+=("/r:$NF_LIB/$a.dll")
  done
  for a in "${NFM_REFS[@]}"; do args+=("/r:$a"); done
  mkdir -p "$(dirname "$out")"; log=$(mktemp)
  "$(nf_dotnet)" "$(nf_csc)" "${args[@]}" "/out:$out" "$@" >"$log" 2>&1 || rc=$?
  grep -v ': warning ' "$log" || true
  if [ $rc -eq 0 ] && grep -q ': error ' "$log"; then rc=1; fi
  rm -f "$log"
  [ $rc -eq 0 ] && [ -f "$out" ] || return 1
  if why=$(nfm_uses_generics "$out"); then
    echo "$out: error NF0001 (metadata check): uses generics ($why)"
    return 1
  fi
}

# nfm_test WORK FILES...: what nf-test does (compile as NFUnitTest, convert, run on the nanoCLR host through the
# UnitTestLauncher, print PASS/FAIL lines and "nanoclr: N passed, N failed"), with nfm_compile as the compile step.
# Libraries in NFM_REFS are referenced, converted and loaded too.
nfm_test() {
  local work=$1 pes=() libs=() rc=0 passed failed status=0 r b; shift
  mkdir -p "$work/asm" "$work/pe"
  if ! nfm_compile library "$work/asm/NFUnitTest.dll" 1 "$@"; then echo "nanoclr: 0 passed, 0 failed"; return 2; fi
  for r in "${NFM_REFS[@]}"; do
    b=$(basename "$r"); cp "$r" "$work/asm/"
    nf_pe "$work/asm/$b" "$work/pe" || { echo "nanoclr: 0 passed, 0 failed"; return 2; }
    pes+=("$work/pe/${b%.*}.pe")
  done
  nf_pe "$work/asm/NFUnitTest.dll" "$work/pe" || { echo "nanoclr: 0 passed, 0 failed"; return 2; }
  # shellcheck disable=SC2046  # one assembly name a line
  mapfile -t libs < <(nf_lib_pes nanoFramework.TestFramework $(cat "$work"/pe/*.refs))
  nf_host_run test 300 "$work/host.log" "${libs[@]}" "${pes[@]}" "$NF_PE/nanoFramework.UnitTestLauncher.pe" "$work/pe/NFUnitTest.pe" || rc=$?
  passed=$(grep -c 'Test passed,' "$work/host.log" || true)
  failed=$(grep -c 'Test failed,' "$work/host.log" || true)
  if [ $rc -ne 0 ] || ! nf_host_finished "$work/host.log" || grep -q '^Uncaught exception: ' "$work/host.log"; then
    echo "nf-test (precise): the nanoCLR host crashed, hung or lost a thread ($(nf_status_text $rc))" >&2; status=1
    [ "$failed" -eq 0 ] && failed=1
  fi
  [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && { echo "nf-test (precise): no test ran" >&2; failed=1; }
  [ "$failed" -gt 0 ] && status=1
  echo "nanoclr: $passed passed, $failed failed"
  return $status
}
