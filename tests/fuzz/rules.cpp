// rules: a --rules file. Each JSON document goes through parse_rules; the rules it yields are
// compiled into a RuleEngine (every regular expression, keyword and glob) and scan a small
// fixed text under a few paths, so that each condition a rule can carry is evaluated.
#include "common/utf8.hpp"
#include "engine.hpp"
#include "fuzz_support.hpp"
#include "rule.hpp"

using namespace readygate;

namespace {

constexpr std::string_view sample = R"(import os, pickle, yaml
API_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
password = os.environ.get("DB_PASSWORD", "hunter2-Very-Secret!")

def handler(request):
    try:
        data = pickle.loads(request.body)  # ready:ignore py.unsafe-deserialization
        for row in rows:
            db.execute("SELECT * FROM jobs WHERE id = " + row.id)
    except:
        pass
    eval(request.args["code"])
    return {"error": str(data)}

const token = process.env.TOKEN || "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
app.get("/admin", (req, res) => { console.log(req.query); res.send(fs.readFileSync("x")); });
url = "postgres://admin:s3cr3t@db.internal:5432/prod"
	tab	indented	line ünïcödé	
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  for (const json& document : fuzz::documents_of(fuzz::text_of(data, size))) {
    try {
      std::vector<scan::Rule> rules = scan::parse_rules(document, "rules.json");
      for (const scan::Rule& rule : rules) (void)scan::to_json(rule).dump();
      const scan::RuleEngine engine(std::move(rules), 20);
      for (const char* path : {"src/app.py", "web/server.js", ".env"}) {
        FUZZ_CHECK(engine.scan_file(path, sample).findings.size() <= 20);
      }
    } catch (const Error&) {
      // an invalid rule or regular expression: exit 2
    }
  }
  return 0;
}
