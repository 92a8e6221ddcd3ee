#pragma once
// What the names of a file stand for, from its imports and simple assignments, so that a rule
// can name a call by what it calls: `import pickle as pk` makes `pk.loads(…)` pickle.loads,
// `from subprocess import run` makes `run(…)` subprocess.run, `s = requests.Session()` makes
// `s.get(…)` requests.Session().get, and in JavaScript `const { exec } = require('child_process')`
// makes `exec(…)` child_process.exec.
//
// Python: import a.b / import a.b as x / from a import b [as c] / from a import (b, c) /
// from a import * / NAME = call(…) / NAME = dotted.name / with call(…) as NAME.
// JavaScript/TypeScript: const|let|var X = require('m') / const {a, b: c} = require('m') /
// import X from 'm' / import * as X from 'm' / import {a, b as c} from 'm' /
// const X = new m.T(…) / const X = m.f(…); module names lose a "node:" prefix.
// Flow-insensitive: the last binding of a name in the file wins.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "source_layout.hpp"

namespace readygate::scan {

class NameTable {
 public:
  void bind(std::string name, std::string meaning);
  void star_import(std::string module) { m_star_modules.push_back(std::move(module)); }

  // "pk.loads" -> "pickle.loads"; the longest bound prefix (whole components) is replaced, and
  // a name that binds nothing is itself. For a bare name nothing binds, each `from m import *`
  // module offers "m.name" in `also`.
  std::string resolve(std::string_view dotted, std::vector<std::string>* also = nullptr) const;

  const std::map<std::string, std::string, std::less<>>& bindings() const { return m_bindings; }

 private:
  std::map<std::string, std::string, std::less<>> m_bindings;
  std::vector<std::string> m_star_modules;
};

NameTable python_names(std::string_view text, const SourceLayout& layout);
NameTable javascript_names(std::string_view text, const SourceLayout& layout);

}  // namespace readygate::scan
