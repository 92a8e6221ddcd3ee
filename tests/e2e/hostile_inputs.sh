# Hostile input (issue 11, "wrong answers and wrong exit codes"): files and flags that used to
# slip through. Characters XML 1.0 forbids never reach JUnit; an empty rules file is refused;
# CR/LF in a header or method (request smuggling) and schemes other than http(s) are refused
# before anything is sent; two formats into one file are refused.
source "$(dirname "$0")/lib.sh"
BENCH="$READYGATE_BENCH"; HC="$READYGATE_HEALTHCHECK"
cd "$WORK"

xml_nonchars() {
  mkdir -p src
  printf 'eval(x)  # \xef\xbf\xbe and \xef\xbf\xbf and \x01\n' > src/a.py
  run "$READYGATE_SCAN" src -o scan.json
  expect_rc 0
  run "$READYGATE_REPORT" scan.json --junit junit.xml
  expect_rc 0
  xmllint --noout junit.xml 2>xmllint.err || { cat xmllint.err >&2; fail "JUnit is not well-formed XML"; }
  grep -q "$(printf '\xef\xbf\xbe')" junit.xml && fail "U+FFFE reached the JUnit report"
  grep -q "$(printf '\xef\xbf\xbd')" junit.xml || fail "the replacement character is missing"
}
hostile_case "JUnit: U+FFFE, U+FFFF and C0 controls from a scanned line" xml_nonchars

empty_rules() {
  mkdir -p src; echo 'x = 1' > src/a.py
  : > empty.json
  run "$READYGATE_SCAN" src --rules empty.json
  expect_rc 2; expect_stderr 'empty.json: no rules in this file'
  printf '{"rules": []}\n' > none.json
  run "$READYGATE_SCAN" src --rules none.json
  expect_rc 2; expect_stderr 'none.json: no rules in this file'
}
hostile_case "an empty --rules file" empty_rules

injection() {
  local header method
  for header in 'X-A: 1\r\nX-Injected: 2' 'X-A: 1\nGET /admin HTTP/1.1' 'X A: 1' 'X-A: 1\r'; do
    printf '{"endpoints": [{"url": "http://127.0.0.1:1/", "headers": ["%s"]}], "phases": [{"name": "p", "requests": 1}]}' "$header" > s.json
    run "$BENCH" --scenario s.json
    expect_rc 2 "scenario header $header"; expect_stderr 'field "headers"[0]'
    printf '{"headers": ["%s"], "checks": [{"name": "c", "url": "http://127.0.0.1:1/"}]}' "$header" > c.json
    run "$HC" -c c.json
    expect_rc 2 "config header $header"
    printf '{"checks": [{"name": "c", "url": "http://127.0.0.1:1/", "headers": ["%s"]}]}' "$header" > c.json
    run "$HC" -c c.json
    expect_rc 2 "check header $header"
  done
  for method in 'GET / HTTP/1.1\r\nHost: x\r\n\r\nGET' 'PO ST' ''; do
    printf '{"endpoints": [{"url": "http://127.0.0.1:1/", "method": "%s"}], "phases": [{"name": "p", "requests": 1}]}' "$method" > s.json
    run "$BENCH" --scenario s.json
    if [ -n "$method" ]; then expect_rc 2 "method $method"; expect_stderr 'field "method"'; fi
    printf '{"checks": [{"name": "c", "url": "http://127.0.0.1:1/", "method": "%s"}]}' "$method" > c.json
    run "$HC" -c c.json
    if [ -n "$method" ]; then expect_rc 2 "check method $method"; fi
  done
  run "$BENCH" --url http://127.0.0.1:1/ -n 1 -H "$(printf 'X-A: 1\r\nX-B: 2')"
  expect_rc 2; expect_stderr 'line break'
  run "$BENCH" --url http://127.0.0.1:1/ -n 1 -X "$(printf 'GET\r\n')"
  expect_rc 2; expect_stderr '--method'
}
hostile_case "CR/LF in headers and methods of scenarios, configs and flags" injection

schemes() {
  echo "root:x:0:0" > secret-file
  local url
  for url in "file://$WORK/secret-file" "gopher://127.0.0.1:1/" "ftp://127.0.0.1:1/" "dict://127.0.0.1:1/" "FILE://$WORK/secret-file"; do
    run timeout $((20 * TIME_SCALE)) "$BENCH" --url "$url" -n 1
    expect_rc 2 "$url"; expect_no_stdout; expect_stderr "unsupported scheme"
    printf '{"endpoints": [{"url": "%s"}], "phases": [{"name": "p", "requests": 1}]}' "$url" > s.json
    run timeout $((20 * TIME_SCALE)) "$BENCH" --scenario s.json
    expect_rc 2 "scenario $url"
  done
  run "$BENCH" --url "http://127.0.0.1:1/a b" -n 1
  expect_rc 2; expect_stderr 'has a space or a control character'
}
hostile_case "ready-bench: only http and https (file://, gopher://, ftp://, dict:// refused)" schemes

same_file() {
  mkdir -p src; echo 'x = 1' > src/a.py
  run "$READYGATE_SCAN" src -o scan.json
  run "$READYGATE_REPORT" scan.json --sarif out.file --junit out.file
  expect_rc 2; expect_stderr '--junit and --sarif both write out.file'
  run "$READYGATE_REPORT" scan.json --sarif out.file --markdown ./out.file
  expect_rc 2
  [ ! -e out.file ] || fail "something was written before the refusal"
}
hostile_case "ready-report: two formats into one file" same_file
cases_done
