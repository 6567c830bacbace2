#!/usr/bin/env python3
"""Black-box contract probe, from outside: starts api-http.jar with a config file against fake providers
on loopback (Python's standard library only) and checks the documented API as a client sees
it: order of checks, errors, formats, headers, what reached the provider, idempotency, local rate
limit, metrics, audit file, CLI and configuration errors. Not part of CI (which runs ./mvnw verify);
a second, independent reading of the contract.

    ./mvnw -B -q -DskipTests package && python3 scripts/contract-probe.py [path/to/api-http.jar]
"""
import http.client, http.server, json, os, socket, subprocess, sys, tempfile, threading, time, base64, urllib.parse

JAR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "api-http", "target", "api-http.jar")
TOKEN = "tok-" + "A" * 20
INS = "5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12"
PL = "9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23"
ZS = "0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01"
PL_LEAD = "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90"
MON = "4b8e2f61-9c3a-4d57-a1e0-6f2d8c9b3a14"
MON_BOARD = "2001047343"
NS = "7e2b9c14-0a5d-4f63-b8e1-3c6d9f0a2b47"
ZO = "c3d9a4e1-5b6f-4a7c-8d2e-1f0a9b8c7d61"
ZO_LEAD = "7328395000000691001"
HS = "3d6f0a8e-2b1c-4e7f-9a5d-8c4b2e1f0a77"
PD = "5b2c9e14-7a3d-4f6b-8c1e-0d9a8b7c6e5f"
PD_LEAD = "adf21080-0e10-11eb-879b-05d71fb426ec"
SF = "3c1d9e7a-5b2f-4a86-9c0e-7d4f1a2b3c45"
SF_LEAD = "00QHs00000Lk3pRMAR"
D365 = "7e2b4c6d-8f10-4a2b-9c3d-5e6f7a8b9c01"
D365_LEAD = "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34"

received = []          # (method, raw path, headers)
bodies = []            # the request bodies, in the same order
script = {}            # (method, path-without-query) -> (status, headers, body bytes)

class Fake(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        bodies.append(self.rfile.read(length) if length else b"")
        received.append((self.command, self.path, dict(self.headers)))
        p = self.path.split("?")[0]
        entry = script.get((self.command, p), (599, {}, b""))
        if isinstance(entry, list):
            entry = entry.pop(0) if len(entry) > 1 else entry[0]
        st, hd, body = entry[:3]
        if len(entry) > 3:
            time.sleep(entry[3])
        self.send_response(st)
        for k, v in hd.items(): self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_GET = do_DELETE = do_POST = handle_any

srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Fake)
srv.handle_error = lambda request, address: None  # the service hanging up on a slow answer is expected
threading.Thread(target=srv.serve_forever, daemon=True).start()
FP = srv.server_address[1]
base = f"http://127.0.0.1:{FP}"

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

DEAD = "11111111-2222-4333-8444-555555555555"
PACED = "22222222-2222-4333-8444-555555555555"
AUDIT = os.path.join(tempfile.mkdtemp(), "audit.jsonl")
DEAD_PORT = free_port()
cfg = {
  "api_tokens": [TOKEN],
  "timeouts": {"connect_ms": 1000, "attempt_ms": 2000, "request_ms": 5000},
  "audit_log": AUDIT,
  "accounts": [
    {"id": INS, "integration": "insightly", "context": {"pod": "na1"}, "base_url": base + "/ins/v3.1",
     "credentials": {"api_key": "${env:BB_INS_KEY}"}, "rate_limit": {"requests_per_second": 0}},
    {"id": PL, "integration": "pipeliner", "context": {"space_id": "my_space"}, "base_url": base + "/pl",
     "credentials": {"username": "pluser", "password": "${env:BB_PL_PASS}"}, "rate_limit": {"requests_per_second": 0}},
    {"id": PACED, "integration": "zendesk_sell", "base_url": base + "/zs/v2",
     "credentials": {"access_token": "paced-token"}, "rate_limit": {"requests_per_second": 0.1}},
    {"id": DEAD, "integration": "insightly", "context": {"pod": "na1"}, "base_url": f"http://127.0.0.1:{DEAD_PORT}/x",
     "credentials": {"api_key": "dead-key"}, "rate_limit": {"requests_per_second": 0}},
    {"id": ZS, "integration": "zendesk_sell", "base_url": base + "/zs/v2",
     "credentials": {"access_token": "zs-secret-token"}, "rate_limit": {"requests_per_second": 0}},
    {"id": MON, "integration": "monday_crm", "base_url": base + "/mon/v2",
     "context": {"board_id": MON_BOARD, "columns": {"owner": "person"}},
     "credentials": {"api_token": "mon-secret-token"}, "rate_limit": {"requests_per_second": 0}},
    {"id": NS, "integration": "nutshell", "base_url": base + "/ns/rest",
     "credentials": {"username": "ops@acme.example", "api_key": "${env:BB_NS_KEY}"}},
    {"id": ZO, "integration": "zoho_crm", "context": {"data_center": "eu"}, "base_url": base + "/zo/crm/v8",
     "credentials": {"access_token": "zo-secret-token"}, "rate_limit": {"requests_per_second": 0}},
    {"id": HS, "integration": "hubspot", "base_url": base + "/hs", "context": {"custom_properties": "budget_eur"},
     "credentials": {"access_token": "hs-secret-token"}, "rate_limit": {"requests_per_second": 0}},
    {"id": PD, "integration": "pipedrive", "base_url": base + "/pd/api/v1", "context": {"company_domain": "acme"},
     "credentials": {"api_token": "pd-secret-token"}, "rate_limit": {"requests_per_second": 0}},
    {"id": SF, "integration": "salesforce", "base_url": base + "/sf/services/data/v64.0",
     "credentials": {"access_token": "sf-secret-token"}},
    {"id": D365, "integration": "dynamics_365_sales", "base_url": base + "/d365/api/data/v9.2",
     "credentials": {"access_token": "d365-secret-token"}, "rate_limit": {"requests_per_second": 0}},
  ]}
tmp = tempfile.mkdtemp()
cfgfile = os.path.join(tmp, "config.json"); json.dump(cfg, open(cfgfile, "w"))
env = dict(os.environ, BB_INS_KEY="ins-secret-key", BB_PL_PASS="pl-secret-pass", BB_NS_KEY="ns-secret-key")
PORT = free_port()
proc = subprocess.Popen(["java", "-jar", JAR, "--config", cfgfile, "--port", str(PORT)], env=env,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
line = proc.stdout.readline().strip()
fails = []; passes = 0
def check(name, cond, detail=""):
    global passes
    if cond: passes += 1
    else: fails.append(f"{name}: {detail}")
check("listening line", line == f"listening on http://127.0.0.1:{PORT}", line)

def req(method, path, headers=None, auth=True):
    c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=15)
    h = {"Authorization": "Bearer " + TOKEN} if auth else {}
    h.update(headers or {})
    c.putrequest(method, path, skip_accept_encoding=True)
    for k, v in h.items(): c.putheader(k, v)
    c.endheaders()
    r = c.getresponse(); body = r.read(); c.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body

def j(b):
    try: return json.loads(b)
    except Exception: return None

def is_error(name, st, hd, body, status, remote=None):
    b = j(body)
    check(name + " status", st == status, f"{st} {body[:200]}")
    check(name + " json ct", hd.get("content-type", "").startswith("application/json"), hd.get("content-type"))
    check(name + " shape", isinstance(b, dict) and b.get("statusCode") == status and isinstance(b.get("error"), str) and isinstance(b.get("message"), str) and b.get("message"), body[:200])
    check(name + " x-request-id", "x-request-id" in hd, hd)
    if remote is not None:
        check(name + " remote flag", (b or {}).get("truto_is_remote_error") is (True if remote else None), body[:200])
    return b

L = "/unified/crm/leads/"
def ins_stub(status=202, headers=None, body=b""):
    script[("DELETE", "/ins/v3.1/Leads/42")] = (status, headers or {}, body)

# health & unknown routes
st, hd, body = req("GET", "/health", auth=False); check("health", st == 200 and j(body) == {"status": "UP"}, body)
st, hd, body = req("GET", "/openapi.json", auth=False); check("openapi", st == 200 and (j(body) or {}).get("openapi", "").startswith("3"), body[:100])
st, hd, body = req("GET", "/nope", auth=False); is_error("unknown path", st, hd, body, 404)
st, hd, body = req("GET", "/unified/crm/leads", auth=False); is_error("collection path", st, hd, body, 404)
st, hd, body = req("POST", L + "42?integrated_account_id=" + INS, auth=False); is_error("405", st, hd, body, 405); check("405 allow", hd.get("allow") == "DELETE", hd)
st, hd, body = req("GET", L + "42", auth=False); check("405 get", st == 405 and hd.get("allow") == "DELETE", st)
# auth
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS, auth=False); is_error("401 missing", st, hd, body, 401); check("www-auth", hd.get("www-authenticate", "").startswith("Bearer"), hd)
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS, {"Authorization": "Bearer wrong"}, auth=False); is_error("401 wrong", st, hd, body, 401)
st, hd, body = req("DELETE", L + "42?integrated_account_id=nope", {"Authorization": "Basic " + TOKEN}, auth=False); is_error("401 basic", st, hd, body, 401)
# auth before query syntax
st, hd, body = req("DELETE", L + "42?truto_response_format=bad", auth=False); check("auth before query", st == 401, st)
ins_stub(202, {"X-RateLimit-Limit": "1000", "X-RateLimit-Remaining": "999"})
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS, {"Authorization": "bEaReR " + TOKEN}, auth=False); check("scheme any case", st == 200, (st, body))
# query syntax
for q, name in [("", "missing account"), ("integrated_account_id=1-2-3-4-5", "bad uuid"), ("integrated_account_id=" + INS + "&integrated_account_id=" + INS, "dup account"),
                ("integrated_account_id=" + INS + "&truto_response_format=", "empty format"), ("integrated_account_id=" + INS + "&truto_response_format=RAW", "format case"),
                ("integrated_account_id=" + INS + "&truto_ignore_remote_data=yes", "bad bool"), ("integrated_account_id=" + INS + "&truto_ignore_remote_data=", "empty bool"),
                ("integrated_account_id=" + INS + "&x=%zz", "bad escape"), ("integrated_account_id=" + INS + "&return_deleted_lead=true&truto_response_format=raw", "raw+return"),
                ("integrated_account_id=" + INS + "&truto_response_format=raw&truto_response_format=raw", "dup format")]:
    st, hd, body = req("DELETE", L + "42?" + q); is_error("400 " + name, st, hd, body, 400)
# query syntax before account
st, hd, body = req("DELETE", L + "42?integrated_account_id=00000000-0000-4000-8000-000000000000&truto_response_format=x"); check("query before account", st == 400, st)
st, hd, body = req("DELETE", L + "42?integrated_account_id=00000000-0000-4000-8000-000000000000"); is_error("unknown account", st, hd, body, 404)
# account before id
st, hd, body = req("DELETE", L + "abc?integrated_account_id=00000000-0000-4000-8000-000000000000"); check("account before id", st == 404, st)
for bad in ["007", "%2B5", "0", "-1", "9223372036854775808", "%D9%A1", "1%20", PL_LEAD]:
    n = len(received)
    st, hd, body = req("DELETE", L + bad + "?integrated_account_id=" + INS); is_error("bad id " + bad, st, hd, body, 400)
    check("bad id no call " + bad, len(received) == n, received[n:])
for bad in ["a%2Fb", "%2e%2e", "..", "a%2fb"]:
    n = len(received)
    st, hd, body = req("DELETE", L + bad + "?integrated_account_id=" + INS)
    check("ambiguous " + bad, st in (400, 404) and j(body) is not None and "x-request-id" in hd, (st, body[:100]))
    check("ambiguous no call " + bad, len(received) == n, received[n:])
# success insightly
received.clear()
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS.upper())
check("ins 200", st == 200 and j(body) == {"id": "42"}, (st, body))
check("ins outcome", hd.get("x-delete-outcome") == "deleted", hd)
check("ins ratelimit", hd.get("ratelimit-limit") == "1000" and hd.get("ratelimit-remaining") == "999", hd)
m, p, h = received[-1]
check("ins method/path", m == "DELETE" and p == "/ins/v3.1/Leads/42", (m, p))
check("ins auth", h.get("Authorization") == "Basic " + base64.b64encode(b"ins-secret-key:").decode(), h.get("Authorization"))
check("ins accept", h.get("Accept") == "application/json", h)
check("ins UA", (h.get("User-Agent") or "").startswith("unified-crm/"), h.get("User-Agent"))
# normalized
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS + "&truto_response_format=normalized")
b = j(body)
check("normalized keys", b is not None and list(b.keys()) == ["id","owner","lead_source","lead_type","status","title","contact","account","first_name","last_name","addresses","email_addresses","phone_numbers","custom_fields","last_activity_at","created_at","updated_at","converted_at","converted_contact","converted_account","remote_data"], body[:300])
check("normalized defaults", b and b["addresses"] == [] and b["custom_fields"] == {} and b["remote_data"] is None and b["owner"] is None, body[:300])
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS + "&truto_response_format=normalized&truto_ignore_remote_data=TRUE")
check("normalized ignore", "remote_data" not in (j(body) or {"remote_data": 1}), body[:200])
# exclusions
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS + "&truto_response_format=normalized&truto_exclude_fields[]=owner&truto_exclude_fields[0]=status,title&truto_exclude_fields=id&truto_exclude_fields%5B%5D=addresses")
b = j(body) or {}
check("exclusions", not any(k in b for k in ["owner","status","title","id","addresses"]) and "lead_type" in b, list(b.keys()))
# raw 204 no content type
ins_stub(204, {})
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS + "&truto_response_format=raw")
check("raw 204", st == 204 and body == b"", (st, body))
check("raw 204 no ct", "content-type" not in hd, hd)
# provider errors
ins_stub(404, {"Content-Type": "application/json"}, b'{"Message":"Lead not found"}')
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS); b = is_error("remote 404", st, hd, body, 404, remote=True)
check("remote 404 msg", (b or {}).get("message") == "Lead not found" and (b or {}).get("raw_response") == {"Message": "Lead not found"}, body)
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS + "&truto_response_format=raw")
check("raw 404 passthrough", st == 404 and body == b'{"Message":"Lead not found"}' and hd.get("content-type") == "application/json", (st, body, hd.get("content-type")))
# Insightly's recorded 404: plain text, a reason phrase of its own; a spent-quota header on it says nothing
script[("DELETE", "/ins/v3.1/Leads/42")] = (404, {"Content-Type": "text/plain", "X-RateLimit-Remaining": "0"}, b"No Lead with ID = 42")
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS); b = is_error("ins text 404", st, hd, body, 404, remote=True)
check("ins text 404 msg", (b or {}).get("message") == "No Lead with ID = 42" and (b or {}).get("raw_response") == "No Lead with ID = 42", body)
ins_stub(422, {"Content-Type": "text/plain"}, b"nope")
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS); b = is_error("remote 422", st, hd, body, 422, remote=True)
check("422 phrase", (b or {}).get("error") == "Unprocessable Content" and (b or {}).get("raw_response") == "nope", body)
ins_stub(400, {}, b"")
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS); b = is_error("remote 400 empty", st, hd, body, 400, remote=True)
check("raw_response null", (b or {}).get("raw_response", 1) is None, body)
ins_stub(500, {"Content-Type": "application/json"}, b'{"Message":"boom"}')
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS); b = is_error("remote 500", st, hd, body, 502, remote=True)
check("remote_status_code", (b or {}).get("remote_status_code") == 500, body)
ins_stub(302, {"Location": "http://127.0.0.1:1/x"}, b"")
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS); b = is_error("redirect", st, hd, body, 502, remote=True)
check("redirect remote_status_code", (b or {}).get("remote_status_code") == 302, body)
# pipeliner
received.clear()
script[("DELETE", "/pl/entities/Leads/" + PL_LEAD)] = (200, {"Content-Type": "application/json"}, json.dumps({"success": True, "data": PL_LEAD}).encode())
st, hd, body = req("DELETE", L + PL_LEAD.upper() + "?integrated_account_id=" + PL + "&remote_query[validation-level]=2&remote_query[a][b]=c%26d&remote_query[r]=1&remote_query[r]=2")
check("pl 200", st == 200 and j(body) == {"id": PL_LEAD, "remote_data": {"success": True, "data": PL_LEAD}}, (st, body))
m, p, h = received[-1]
path, _, query = p.partition("?")
check("pl path lower", path == "/pl/entities/Leads/" + PL_LEAD, p)
check("pl query", urllib.parse.parse_qsl(query, keep_blank_values=True) == [("validation-level", "2"), ("a[b]", "c&d"), ("r", "1"), ("r", "2")], query)
check("pl auth", h.get("Authorization") == "Basic " + base64.b64encode(b"pluser:pl-secret-pass").decode(), h.get("Authorization"))
script[("DELETE", "/pl/entities/Leads/" + PL_LEAD)] = (200, {"Content-Type": "application/json"}, b'{"success":false}')
st, hd, body = req("DELETE", L + PL_LEAD + "?integrated_account_id=" + PL); b = is_error("pl success false", st, hd, body, 502, remote=True)
check("pl sf remote status", (b or {}).get("remote_status_code") == 200, body)
st, hd, body = req("DELETE", L + PL_LEAD + "?integrated_account_id=" + PL + "&truto_response_format=raw")
check("pl raw success false passthrough", st == 200 and body == b'{"success":false}', (st, body))
# insightly: the zero date is no date
script[("GET", "/ins/v3.1/Leads/42")] = (200, {"Content-Type": "application/json"}, json.dumps({"LEAD_ID": 42, "DATE_CREATED_UTC": "2024-03-05 10:45:21", "DATE_UPDATED_UTC": "0000-00-00 00:00:00", "CUSTOMFIELDS": [{"FIELD_NAME": "a", "FIELD_VALUE": None}, {"FIELD_NAME": "b", "FIELD_VALUE": 1}]}).encode())
ins_stub(202)
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS + "&return_deleted_lead=true&truto_response_format=normalized")
b = j(body) or {}
check("ins zero date absent", st == 200 and b.get("created_at") == "2024-03-05T10:45:21Z" and b.get("updated_at") is None, (st, body[:300]))
check("ins null custom field dropped", b.get("custom_fields") == {"b": 1}, body[:300])
# pipeliner: a soft-deleted lead served by the fetch is already deleted, and nothing is deleted
received.clear()
script[("GET", "/pl/entities/Leads/" + PL_LEAD)] = (200, {"Content-Type": "application/json"}, json.dumps({"success": True, "data": {"id": PL_LEAD, "is_deleted": True}}).encode())
st, hd, body = req("DELETE", L + PL_LEAD + "?integrated_account_id=" + PL + "&return_deleted_lead=true"); b = is_error("pl soft-deleted fetch", st, hd, body, 404, remote=True)
check("pl soft-deleted msg", "already deleted" in (b or {}).get("message", ""), body)
check("pl soft-deleted no delete", [r[0] for r in received] == ["GET"], [r[:2] for r in received])
# zendesk
received.clear()
script[("DELETE", "/zs/v2/leads/7")] = (204, {}, b"")
st, hd, body = req("DELETE", L + "7?integrated_account_id=" + ZS + "&truto_response_format=unified", {"x-request-id": "my-req.1_2"})
check("zs 200", st == 200 and j(body) == {"id": "7"}, (st, body))
check("request id echo", hd.get("x-request-id") == "my-req.1_2", hd)
check("zs bearer", received[-1][2].get("Authorization") == "Bearer zs-secret-token", received[-1])
st, hd, body = req("DELETE", L + "7?integrated_account_id=" + ZS, {"x-request-id": "bad id!"})
check("request id fresh", hd.get("x-request-id") not in (None, "", "bad id!"), hd)
script[("DELETE", "/zs/v2/leads/7")] = (404, {"Content-Type": "application/json"}, json.dumps({"errors": [{"error": {"code": "not_found", "message": "Not Found", "details": "Requested lead was not found."}}], "meta": {"logref": "abc"}}).encode())
st, hd, body = req("DELETE", L + "7?integrated_account_id=" + ZS); b = is_error("zs 404", st, hd, body, 404, remote=True)
check("zs msg", (b or {}).get("message") == "Requested lead was not found.", body)
script[("DELETE", "/zs/v2/leads/7")] = (400, {"Content-Type": "application/json"}, json.dumps({"errors": [{"error": {"code": "invalid_param", "message": "Bad Request", "details": "Unknown parameter: cascade."}}], "meta": {"logref": "abc"}}).encode())
st, hd, body = req("DELETE", L + "7?integrated_account_id=" + ZS + "&remote_query[cascade]=true"); b = is_error("zs invalid_param", st, hd, body, 400, remote=True)
check("zs invalid_param msg", (b or {}).get("message") == "Unknown parameter: cascade.", body)
check("zs query passed on", received[-1][1].endswith("/zs/v2/leads/7?cascade=true"), received[-1][:2])
# nutshell: ids <n>-leads (a bare <n> becomes it), Basic e-mail + API key, the delete answered with the lead
def ns_lead(api_id, deleted_time=None):
    return {"type": "leads", "id": api_id, "name": "Acme Corp packaging line upgrade", "number": "1045",
            "description": "Acme Corp packaging line upgrade", "status": "open", "ownerType": "users",
            "value": {"currency": "USD", "amount": "50000.00"}, "confidence": 40,
            "createdTime": {"absoluteLocalizedString": "Mar 5, 2024", "timestamp": 1709635521, "value": "2024-03-05T10:45:21+0000"},
            "lastContactedTime": {"absoluteLocalizedString": "Mar 7, 2024", "timestamp": 1709799000, "value": "2024-03-07T08:10:00+0000"},
            "deletedTime": deleted_time,
            "links": {"owner": "5-users", "contacts": ["12-contacts"], "accounts": ["7-accounts"], "sources": ["3-sources"], "tags": ["2-tags"]}}
def ns_envelope(api_id, deleted_time=None):
    return {"meta": {"instanceId": "54321"}, "links": {"leads.owner": {"href": "https://app.nutshell.com/rest/{leads.ownerType}/{leads.owner}"}},
            "leads": [ns_lead(api_id, deleted_time)], "contacts": [{"type": "contacts", "id": "12-contacts", "name": "Jane Doe"}]}
NS_HTML = "text/html; charset=UTF-8"
NS_404 = b'<!DOCTYPE html><html><head><title>An Error Occurred: Not Found</title></head><body><h1>Oops! An Error Occurred</h1></body></html>'
ns_json = lambda o: json.dumps(o).encode()
received.clear()
script[("DELETE", "/ns/rest/leads/1003-leads")] = (200, {"Content-Type": "application/json"}, ns_json(ns_envelope("1003-leads")))
st, hd, body = req("DELETE", L + "1003?integrated_account_id=" + NS)
b = j(body) or {}
check("ns 200", st == 200 and hd.get("x-delete-outcome") == "deleted", (st, body[:200]))
check("ns delete fields", list(b.keys()) == ["id", "owner", "lead_source", "status", "title", "contact", "account", "remote_data"], list(b.keys()))
check("ns delete values", b.get("id") == "1003-leads" and b.get("owner") == {"id": "5-users"} and b.get("lead_source") == "3-sources"
      and b.get("status") == "open" and b.get("title") == "Acme Corp packaging line upgrade" and b.get("contact") == {"id": "12-contacts"}
      and b.get("account") == {"id": "7-accounts"} and b.get("remote_data") == ns_envelope("1003-leads"), body[:400])
m, p, h = received[-1]
check("ns method/path", m == "DELETE" and p == "/ns/rest/leads/1003-leads", (m, p))
check("ns auth", h.get("Authorization") == "Basic " + base64.b64encode(b"ops@acme.example:ns-secret-key").decode(), h.get("Authorization"))
check("ns accept", h.get("Accept") == "application/json", h)
st, hd, body = req("DELETE", L + "1003-leads?integrated_account_id=" + NS + "&truto_response_format=raw")
check("ns raw passthrough", st == 200 and body == ns_json(ns_envelope("1003-leads")), (st, body[:100]))
st2, hd2, body2 = req("DELETE", L + "1003-leads?integrated_account_id=" + NS)
check("ns unpaced by default", st2 == 200, (st2, body2[:100]))
for bad in ["1003,1004", "1003%2C1004", "1003-leads,1004-leads", "7-contacts", "Lead-1045", "Lead%E2%80%931045", "1003-Leads", "0", "007", "%2B5", "9223372036854775808"]:
    n = len(received)
    st, hd, body = req("DELETE", L + bad + "?integrated_account_id=" + NS); b = is_error("ns bad id " + bad, st, hd, body, 400)
    check("ns bad id names the format " + bad, "<n>-leads" in (b or {}).get("message", ""), body[:200])
    check("ns bad id no call " + bad, len(received) == n, received[n:])
script[("DELETE", "/ns/rest/leads/1003-leads")] = (404, {"Content-Type": NS_HTML}, NS_404)
st, hd, body = req("DELETE", L + "1003?integrated_account_id=" + NS); b = is_error("ns 404", st, hd, body, 404, remote=True)
check("ns 404 msg", (b or {}).get("message") == "Nutshell answered 404 Not Found" and (b or {}).get("raw_response") == NS_404.decode(), body[:300])
script[("DELETE", "/ns/rest/leads/1003-leads")] = (401, {"Content-Type": NS_HTML}, b"<html><head><title>An Error Occurred: Unauthorized</title></head></html>")
st, hd, body = req("DELETE", L + "1003?integrated_account_id=" + NS); b = is_error("ns 401", st, hd, body, 401, remote=True)
check("ns 401 msg", (b or {}).get("message") == "Nutshell answered 401 Unauthorized", body[:300])
script[("DELETE", "/ns/rest/leads/1003-leads")] = (400, {"Content-Type": "application/json"}, b'{"message":"Invalid lead id"}')
st, hd, body = req("DELETE", L + "1003?integrated_account_id=" + NS); b = is_error("ns json error", st, hd, body, 400, remote=True)
check("ns json msg", (b or {}).get("message") == "Invalid lead id" and (b or {}).get("raw_response") == {"message": "Invalid lead id"}, body[:300])
script[("DELETE", "/ns/rest/leads/1003-leads")] = (500, {"Content-Type": NS_HTML}, b"<html>oops</html>")
st, hd, body = req("DELETE", L + "1003?integrated_account_id=" + NS); b = is_error("ns 500", st, hd, body, 502, remote=True)
check("ns 500 remote status", (b or {}).get("remote_status_code") == 500 and (b or {}).get("message") == "Nutshell answered 500 Internal Server Error", body[:300])
script[("DELETE", "/ns/rest/leads/1003-leads")] = (200, {"Content-Type": "application/json"}, ns_json(ns_envelope("1004-leads")))
st, hd, body = req("DELETE", L + "1003?integrated_account_id=" + NS); b = is_error("ns other lead", st, hd, body, 502, remote=True)
check("ns other lead remote status", (b or {}).get("remote_status_code") == 200, body[:300])
received.clear()
script[("GET", "/ns/rest/leads/1005-leads")] = (200, {"Content-Type": "application/json"}, ns_json(ns_envelope("1005-leads")))
script[("DELETE", "/ns/rest/leads/1005-leads")] = (200, {"Content-Type": "application/json"}, ns_json(ns_envelope("1005-leads")))
st, hd, body = req("DELETE", L + "1005?integrated_account_id=" + NS + "&return_deleted_lead=true")
b = j(body) or {}
check("ns rdl order", [r[:2] for r in received] == [("GET", "/ns/rest/leads/1005-leads"), ("DELETE", "/ns/rest/leads/1005-leads")], [r[:2] for r in received])
check("ns rdl fields", st == 200 and b.get("id") == "1005-leads" and b.get("created_at") == "2024-03-05T10:45:21Z"
      and b.get("last_activity_at") == "2024-03-07T08:10:00Z" and b.get("remote_data") == ns_lead("1005-leads"), body[:400])
received.clear()
gone = ns_json(ns_envelope("1006-leads", {"absoluteLocalizedString": "Mar 9, 2024", "timestamp": 1709985600, "value": "2024-03-09T12:00:00+0000"}))
script[("GET", "/ns/rest/leads/1006-leads")] = (200, {"Content-Type": "application/json"}, gone)
st, hd, body = req("DELETE", L + "1006?integrated_account_id=" + NS + "&return_deleted_lead=true"); b = is_error("ns soft-deleted", st, hd, body, 404, remote=True)
check("ns soft-deleted raw body", (b or {}).get("raw_response") == json.loads(gone), body[:200])
check("ns soft-deleted no delete", [r[0] for r in received] == ["GET"], [r[:2] for r in received])
# zoho crm: Zoho-oauthtoken, failures inside a 200 body, the bulk ids parameter refused
received.clear()
ZO_PATH = "/zo/crm/v8/Leads/" + ZO_LEAD
zo_ok = {"data": [{"code": "SUCCESS", "details": {"id": ZO_LEAD}, "message": "record deleted", "status": "success"}]}
script[("DELETE", ZO_PATH)] = (200, {"Content-Type": "application/json;charset=UTF-8"}, json.dumps(zo_ok).encode())
st, hd, body = req("DELETE", L + ZO_LEAD + "?integrated_account_id=" + ZO + "&remote_query[wf_trigger]=false")
check("zo 200", st == 200 and j(body) == {"id": ZO_LEAD, "remote_data": zo_ok}, (st, body))
m, p, h = received[-1]
check("zo method/path/query", m == "DELETE" and p == ZO_PATH + "?wf_trigger=false", (m, p))
check("zo auth", h.get("Authorization") == "Zoho-oauthtoken zo-secret-token", h.get("Authorization"))
check("zo accept", h.get("Accept") == "application/json", h)
n = len(received)
st, hd, body = req("DELETE", L + ZO_LEAD + "?integrated_account_id=" + ZO + "&remote_query[IDS]=1,2"); b = is_error("zo ids refused", st, hd, body, 400, remote=False)
check("zo ids no call", len(received) == n and "IDS" in (b or {}).get("message", ""), (received[n:], body))
st, hd, body = req("DELETE", L + "0" + ZO_LEAD + "?integrated_account_id=" + ZO); is_error("zo bad id", st, hd, body, 400)
check("zo bad id no call", len(received) == n, received[n:])
zo_gone = {"data": [{"code": "INVALID_DATA", "details": {"id": ZO_LEAD}, "message": "the id given seems to be invalid.", "status": "error"}]}
script[("DELETE", ZO_PATH)] = (200, {"Content-Type": "application/json"}, json.dumps(zo_gone).encode())
st, hd, body = req("DELETE", L + ZO_LEAD + "?integrated_account_id=" + ZO); b = is_error("zo 404 in 200", st, hd, body, 404, remote=True)
check("zo 404 message/raw", (b or {}).get("message") == "the id given seems to be invalid." and (b or {}).get("raw_response") == zo_gone, body)
st, hd, body = req("DELETE", L + ZO_LEAD + "?integrated_account_id=" + ZO + "&truto_response_format=raw")
check("zo raw passes the 200 on", st == 200 and j(body) == zo_gone and "x-delete-outcome" not in hd, (st, body, hd))
script[("DELETE", ZO_PATH)] = (200, {"Content-Type": "application/json"}, b'{"data":[{"code":"RECORD_LOCKED","details":{},"message":"locked","status":"error"}]}')
st, hd, body = req("DELETE", L + ZO_LEAD + "?integrated_account_id=" + ZO); is_error("zo 409 in 200", st, hd, body, 409, remote=True)
script[("DELETE", ZO_PATH)] = (200, {"Content-Type": "application/json"}, b'{"data":[{"code":"INTERNAL_ERROR","details":{},"message":"oops","status":"error"}]}')
st, hd, body = req("DELETE", L + ZO_LEAD + "?integrated_account_id=" + ZO); b = is_error("zo 500 in 200", st, hd, body, 502, remote=True)
check("zo 500 in 200 remote status", (b or {}).get("remote_status_code") == 500, body)
script[("DELETE", ZO_PATH)] = (200, {"Content-Type": "application/json"}, b'{"data":[]}')
st, hd, body = req("DELETE", L + ZO_LEAD + "?integrated_account_id=" + ZO); b = is_error("zo breach", st, hd, body, 502, remote=True)
check("zo breach remote status", (b or {}).get("remote_status_code") == 200, body)
script[("DELETE", ZO_PATH)] = (401, {"Content-Type": "application/json"}, b'{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}')
st, hd, body = req("DELETE", L + ZO_LEAD + "?integrated_account_id=" + ZO); b = is_error("zo invalid token", st, hd, body, 401, remote=True)
check("zo invalid token message", (b or {}).get("message") == "invalid oauth token", body)
received.clear()
script[("GET", ZO_PATH)] = (204, {}, b"")
st, hd, body = req("DELETE", L + ZO_LEAD + "?integrated_account_id=" + ZO + "&return_deleted_lead=true"); b = is_error("zo fetch 204", st, hd, body, 404, remote=True)
check("zo fetch 204 no delete", [r[0] for r in received] == ["GET"] and (b or {}).get("raw_response", 1) is None, ([r[:2] for r in received], body))
script[("GET", ZO_PATH)] = (200, {"Content-Type": "application/json"}, json.dumps({"data": [{"id": ZO_LEAD, "Owner": {"id": "7328395000000605001"}, "Last_Name": "Doe", "Designation": "CTO", "Created_Time": "2024-03-05T16:15:21+05:30", "Budget": 50000, "$state": "save", "Locked__s": False}]}).encode())
script[("DELETE", ZO_PATH)] = (200, {"Content-Type": "application/json"}, json.dumps(zo_ok).encode())
st, hd, body = req("DELETE", L + ZO_LEAD + "?integrated_account_id=" + ZO + "&return_deleted_lead=true")
b = j(body) or {}
check("zo rdl", st == 200 and b.get("id") == ZO_LEAD and b.get("owner") == {"id": "7328395000000605001"} and b.get("title") == "CTO", (st, body[:300]))
check("zo rdl utc", b.get("created_at") == "2024-03-05T10:45:21Z" and b.get("custom_fields") == {"Budget": 50000}, body[:400])
# hubspot
HS_LEAD = "/hs/crm/objects/2026-03/leads/38475629104"
received.clear()
script[("DELETE", HS_LEAD)] = (204, {"X-HubSpot-RateLimit-Max": "100", "X-HubSpot-RateLimit-Remaining": "99"}, b"")
st, hd, body = req("DELETE", L + "38475629104?integrated_account_id=" + HS)
check("hs 200", st == 200 and j(body) == {"id": "38475629104"} and hd.get("x-delete-outcome") == "deleted", (st, body))
check("hs request", received[-1][:2] == ("DELETE", HS_LEAD) and received[-1][2].get("Authorization") == "Bearer hs-secret-token"
      and received[-1][2].get("Accept") == "application/json", received[-1])
check("hs rate headers", hd.get("ratelimit-limit") == "100" and hd.get("ratelimit-remaining") == "99", hd)
received.clear()
st, hd, body = req("DELETE", L + "3847x?integrated_account_id=" + HS); is_error("hs bad id", st, hd, body, 400)
check("hs bad id not sent", received == [], received)
script[("DELETE", HS_LEAD)] = (429, {"Content-Type": "application/json", "Retry-After": "1", "X-HubSpot-RateLimit-Daily-Remaining": "0"},
                               json.dumps({"status": "error", "message": "You have reached your daily limit.", "errorType": "RATE_LIMIT", "policyName": "DAILY"}).encode())
st, hd, body = req("DELETE", L + "38475629104?integrated_account_id=" + HS); b = is_error("hs daily 429", st, hd, body, 429, remote=True)
check("hs daily 429 not retried", len(received) == 1 and (b or {}).get("message") == "You have reached your daily limit.", (len(received), body))
received.clear()
script[("GET", HS_LEAD)] = (404, {"Content-Type": "application/json"}, b'{"status":"error","message":"resource not found","correlationId":"c1"}')
st, hd, body = req("DELETE", L + "38475629104?integrated_account_id=" + HS + "&return_deleted_lead=true"); is_error("hs fetch 404", st, hd, body, 404, remote=True)
check("hs fetch only", [r[0] for r in received] == ["GET"], [r[:2] for r in received])
q = urllib.parse.parse_qsl(received[-1][1].partition("?")[2])
check("hs fetch query", [k for k, _ in q] == ["properties", "associations", "archived"] and q[0][1].endswith(",hs_object_id,budget_eur")
      and q[1][1] == "contacts,companies" and q[2][1] == "false", received[-1][1])
received.clear()
script[("GET", HS_LEAD)] = (200, {"Content-Type": "application/json"}, json.dumps({"id": "38475629104", "properties": {
    "hs_lead_name": "Acme", "hubspot_owner_id": "75123456", "hs_pipeline_stage": "attempting-stage-id", "budget_eur": "50000",
    "hs_associated_contact_email": "jane.doe@acme.example", "hs_last_activity_date": "1772871000000"},
    "createdAt": "2026-03-05T10:45:21.004Z", "associations": {"contacts": {"results": [{"id": "75388", "type": "lead_to_contact"},
    {"id": "75301", "type": "lead_to_primary_contact"}]}}}).encode())
script[("DELETE", HS_LEAD)] = (204, {}, b"")
st, hd, body = req("DELETE", L + "38475629104?integrated_account_id=" + HS + "&return_deleted_lead=true"); b = j(body) or {}
check("hs rdl", st == 200 and [r[0] for r in received] == ["GET", "DELETE"] and b.get("title") == "Acme" and b.get("owner") == {"id": "75123456"}
      and b.get("status") == "attempting-stage-id" and b.get("contact") == {"id": "75301"} and b.get("custom_fields") == {"budget_eur": "50000"}
      and b.get("email_addresses") == [{"email": "jane.doe@acme.example", "type": "primary"}]
      and b.get("last_activity_at") == "2026-03-07T08:10:00Z" and b.get("created_at") == "2026-03-05T10:45:21.004Z", (st, body[:500]))
# pipedrive
PD_PATH = "/pd/api/v1/leads/" + PD_LEAD
received.clear()
pd_ok = json.dumps({"success": True, "data": {"id": PD_LEAD}}).encode()
script[("DELETE", PD_PATH)] = (200, {"Content-Type": "application/json", "x-ratelimit-limit": "20", "x-ratelimit-remaining": "19", "x-ratelimit-reset": "2"}, pd_ok)
st, hd, body = req("DELETE", L + PD_LEAD.upper() + "?integrated_account_id=" + PD)
check("pd 200", st == 200 and j(body) == {"id": PD_LEAD, "remote_data": {"success": True, "data": {"id": PD_LEAD}}} and hd.get("x-delete-outcome") == "deleted", (st, body))
check("pd request", received[-1][1] == PD_PATH and received[-1][2].get("x-api-token") == "pd-secret-token"
      and "Authorization" not in received[-1][2] and "api_token" not in received[-1][1], received[-1])
check("pd rate headers", hd.get("ratelimit-limit") == "20" and hd.get("ratelimit-remaining") == "19" and hd.get("ratelimit-reset") == "2", hd)
script[("DELETE", PD_PATH)] = (200, {"Content-Type": "application/json"}, b'{"success":false,"error":"Permission denied","errorCode":403}')
st, hd, body = req("DELETE", L + PD_LEAD + "?integrated_account_id=" + PD); b = is_error("pd 403 in 200", st, hd, body, 403, remote=True)
check("pd 403 in 200 body", (b or {}).get("message") == "Permission denied" and (b or {}).get("raw_response", {}).get("errorCode") == 403 and "x-delete-outcome" not in hd, body)
st, hd, body = req("DELETE", L + PD_LEAD + "?integrated_account_id=" + PD + "&truto_response_format=raw")
check("pd raw 403 in 200 passthrough", st == 200 and body == b'{"success":false,"error":"Permission denied","errorCode":403}' and "x-delete-outcome" not in hd, (st, body, hd))
received.clear()
script[("DELETE", PD_PATH)] = (200, {"Content-Type": "application/json"}, b'{"success":false,"error":"Internal","errorCode":503}')
st, hd, body = req("DELETE", L + PD_LEAD + "?integrated_account_id=" + PD); b = is_error("pd 503 in 200", st, hd, body, 502, remote=True)
check("pd 503 in 200 remote status, not retried", (b or {}).get("remote_status_code") == 503 and len(received) == 1, (body, len(received)))
script[("DELETE", PD_PATH)] = (200, {"Content-Type": "application/json"}, b'{"success":false,"error":"Unknown failure"}')
st, hd, body = req("DELETE", L + PD_LEAD + "?integrated_account_id=" + PD); b = is_error("pd breach", st, hd, body, 502, remote=True)
check("pd breach remote status", (b or {}).get("remote_status_code") == 200, body)
received.clear()
script[("DELETE", PD_PATH)] = (429, {"Content-Type": "application/json", "Retry-After": "1", "x-daily-ratelimit-token-remaining": "0"}, b'{"success":false,"error":"Too many requests"}')
st, hd, body = req("DELETE", L + PD_LEAD + "?integrated_account_id=" + PD); is_error("pd daily 429", st, hd, body, 429, remote=True)
check("pd daily 429 not retried", len(received) == 1, len(received))
received.clear()
script[("GET", PD_PATH)] = (200, {"Content-Type": "application/json"}, json.dumps({"success": True, "data": {"id": PD_LEAD, "title": "Acme", "owner_id": 13540546,
    "person_id": 1092, "organization_id": None, "source_name": "API", "is_archived": True, "add_time": "2026-03-05 10:45:21",
    "d4de1c1518b4531717c676029a45911c340390a6": 12500.75}}).encode())
script[("DELETE", PD_PATH)] = (200, {"Content-Type": "application/json"}, pd_ok)
st, hd, body = req("DELETE", L + PD_LEAD + "?integrated_account_id=" + PD + "&return_deleted_lead=true"); b = j(body) or {}
check("pd rdl", st == 200 and [r[0] for r in received] == ["GET", "DELETE"] and b.get("status") == "archived" and b.get("owner") == {"id": "13540546"}
      and b.get("contact") == {"id": "1092"} and "account" not in b and b.get("lead_source") == "API" and b.get("created_at") == "2026-03-05T10:45:21Z"
      and b'"d4de1c1518b4531717c676029a45911c340390a6":12500.75' in body, (st, body[:500]))
# salesforce: 204 without id, Sforce-Limit-Info normalised, errors as arrays, the daily limit a 403
received.clear()
SF_PATH = "/sf/services/data/v64.0/sobjects/Lead/"
script[("DELETE", SF_PATH + SF_LEAD)] = (204, {"Sforce-Limit-Info": "api-usage=18/15000"}, b"")
st, hd, body = req("DELETE", L + SF_LEAD + "?integrated_account_id=" + SF)
check("sf 200", st == 200 and j(body) == {"id": SF_LEAD}, (st, body))
check("sf ratelimit", hd.get("ratelimit-limit") == "15000" and hd.get("ratelimit-remaining") == "14982" and "sforce-limit-info" not in hd, hd)
m, p, h = received[-1]
check("sf request", m == "DELETE" and p == SF_PATH + SF_LEAD and h.get("Authorization") == "Bearer sf-secret-token", (m, p, h.get("Authorization")))
script[("DELETE", SF_PATH + "00Qhs00000lk3pr")] = (204, {}, b"")
st, hd, body = req("DELETE", L + "00Qhs00000lk3pr?integrated_account_id=" + SF)
check("sf 15-char id kept", st == 200 and j(body) == {"id": "00Qhs00000lk3pr"} and received[-1][1] == SF_PATH + "00Qhs00000lk3pr", (st, body, received[-1][1]))
n = len(received)
st, hd, body = req("DELETE", L + "003Hs00000Mn2XeIAJ?integrated_account_id=" + SF); is_error("sf bad id", st, hd, body, 400)
check("sf bad id no call", len(received) == n, received[n:])
script[("DELETE", SF_PATH + SF_LEAD)] = (403, {"Content-Type": "application/json"}, b'[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]')
n = len(received)
st, hd, body = req("DELETE", L + SF_LEAD + "?integrated_account_id=" + SF); b = is_error("sf 403 limit", st, hd, body, 403, remote=True)
check("sf 403 msg", (b or {}).get("message") == "TotalRequests Limit exceeded.", body)
check("sf 403 not retried", len(received) == n + 1, received[n:])
script[("DELETE", SF_PATH + SF_LEAD)] = (404, {"Content-Type": "application/json"}, b'[{"message":"entity is deleted","errorCode":"ENTITY_IS_DELETED","fields":[]}]')
st, hd, body = req("DELETE", L + SF_LEAD + "?integrated_account_id=" + SF); b = is_error("sf 404", st, hd, body, 404, remote=True)
check("sf 404 raw_response array", (b or {}).get("raw_response") == [{"message": "entity is deleted", "errorCode": "ENTITY_IS_DELETED", "fields": []}], body)
script[("DELETE", SF_PATH + SF_LEAD)] = (302, {"Location": "https://acme.lightning.force.com/"}, b"")
st, hd, body = req("DELETE", L + SF_LEAD + "?integrated_account_id=" + SF); b = is_error("sf redirect", st, hd, body, 502, remote=True)
check("sf redirect names instance_url", "instance_url" in (b or {}).get("message", ""), body)
# dynamics 365 sales: lower-case unquoted GUID key, OData headers, {"error":{...}} without innererror
received.clear()
D365_PATH = "/d365/api/data/v9.2/leads(" + D365_LEAD + ")"
script[("DELETE", D365_PATH)] = (204, {}, b"")
st, hd, body = req("DELETE", L + D365_LEAD.upper() + "?integrated_account_id=" + D365)
check("d365 200", st == 200 and j(body) == {"id": D365_LEAD}, (st, body))
m, p, h = received[-1]
check("d365 request", m == "DELETE" and p == D365_PATH and h.get("Authorization") == "Bearer d365-secret-token"
      and h.get("OData-MaxVersion") == "4.0" and h.get("OData-Version") == "4.0", (m, p, h))
script[("DELETE", D365_PATH)] = (400, {"Content-Type": "application/json"}, b'{"error":{"code":"0x80040265","message":"This lead is linked to an active quote and cannot be deleted.","innererror":{"stacktrace":"at Microsoft.Crm"}}}')
st, hd, body = req("DELETE", L + D365_LEAD + "?integrated_account_id=" + D365); b = is_error("d365 400", st, hd, body, 400, remote=True)
check("d365 msg", (b or {}).get("message") == "This lead is linked to an active quote and cannot be deleted.", body)
check("d365 innererror removed", (b or {}).get("raw_response") == {"error": {"code": "0x80040265", "message": "This lead is linked to an active quote and cannot be deleted."}}, body)
script[("DELETE", D365_PATH)] = (401, {}, b"")
st, hd, body = req("DELETE", L + D365_LEAD + "?integrated_account_id=" + D365); b = is_error("d365 401", st, hd, body, 401, remote=True)
check("d365 401 no www-authenticate", "www-authenticate" not in hd, hd)
# return_deleted_lead
received.clear()
script[("GET", "/zs/v2/leads/8")] = (200, {"Content-Type": "application/json"}, json.dumps({"data": {"id": 8, "owner_id": 2, "first_name": "Mark", "last_name": "Johnson", "status": "New", "source_id": 10, "title": "CEO", "email": "m@x.example", "address": {"line1": "2726 Smith Street", "city": "Hyannis", "postal_code": "02601", "state": "MA", "country": "US"}, "custom_fields": {"known_via": "Tom", "n": 1.10}, "created_at": "2014-08-27T16:32:56Z", "updated_at": "2014-08-28T09:10:11Z"}, "meta": {"type": "lead"}}).replace('"n": 1.1', '"n": 1.10').encode())
script[("DELETE", "/zs/v2/leads/8")] = (204, {}, b"")
st, hd, body = req("DELETE", L + "8?integrated_account_id=" + ZS + "&return_deleted_lead=true")
b = j(body) or {}
check("rdl order", [r[0] for r in received] == ["GET", "DELETE"], [r[:2] for r in received])
check("rdl fields", b.get("id") == "8" and b.get("owner") == {"id": "2"} and b.get("first_name") == "Mark" and b.get("created_at") == "2014-08-27T16:32:56Z" and b.get("remote_data", {}).get("id") == 8, body[:400])
check("rdl exact number", b'"n":1.10' in body or b'"n": 1.10' in body, body[:600])
# body ignored / other params ignored
ins_stub(202)
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS + "&foo=bar&truto_exclude_fields=")
check("other params ignored", st == 200, (st, body))
# headers too large / uri too long
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS + "&x=" + "a" * 70000)
check("uri too long json", st in (414, 400) and j(body) is not None and "x-request-id" in hd, (st, body[:120]))
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS, {"X-Big": "b" * 70000})
check("header too large json", st in (431, 400) and j(body) is not None and "x-request-id" in hd, (st, body[:120]))
# failures without a usable answer
t0 = time.time()
ins_stub(202); script[("DELETE", "/ins/v3.1/Leads/42")] = (202, {}, b"", 12)
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS); b = is_error("slow provider", st, hd, body, 504, remote=False)
check("slow provider within request_ms", time.time() - t0 < 7.5, time.time() - t0)
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + DEAD); is_error("unreachable", st, hd, body, 502, remote=False)
ins_stub(200, {"Content-Type": "application/json"}, b"[" + b"1," * (1024 * 1024) + b"1]")
st, hd, body = req("DELETE", L + "42?integrated_account_id=" + INS); b = is_error("too large", st, hd, body, 502, remote=True)
check("too large remote status", (b or {}).get("remote_status_code") == 200, body[:200])
# return_deleted_lead whose fetch fails deletes nothing
received.clear()
script[("GET", "/zs/v2/leads/9")] = (404, {"Content-Type": "application/json"}, b'{"errors":[{"error":{"code":"not_found","message":"Not Found","details":"Requested lead was not found."}}],"meta":{"logref":"x"}}')
st, hd, body = req("DELETE", L + "9?integrated_account_id=" + ZS + "&return_deleted_lead=true"); is_error("rdl fetch fails", st, hd, body, 404, remote=True)
check("rdl fetch fails no delete", [r[0] for r in received] == ["GET"], [r[:2] for r in received])
# idempotency
received.clear()
script[("DELETE", "/zs/v2/leads/70")] = (204, {}, b"")
st1, hd1, body1 = req("DELETE", L + "70?integrated_account_id=" + ZS, {"Idempotency-Key": "key-1"})
st2, hd2, body2 = req("DELETE", L + "70?integrated_account_id=" + ZS, {"Idempotency-Key": "key-1"})
check("idem first", st1 == 200 and "idempotent-replayed" not in hd1, (st1, hd1))
check("idem replay", st2 == 200 and body2 == body1 and hd2.get("idempotent-replayed") == "true" and hd2.get("x-delete-outcome") == "deleted", (st2, hd2))
check("idem replay new request id", hd2.get("x-request-id") != hd1.get("x-request-id"), "")
check("idem one provider call", len(received) == 1, [r[:2] for r in received])
st, hd, body = req("DELETE", L + "71?integrated_account_id=" + ZS, {"Idempotency-Key": "key-1"}); is_error("idem reuse 422", st, hd, body, 422)
st, hd, body = req("DELETE", L + "70?integrated_account_id=" + ZS, {"Idempotency-Key": "k" * 256}); is_error("idem bad key", st, hd, body, 400)
# local rate limit
script[("DELETE", "/zs/v2/leads/80")] = (204, {}, b"")
st, hd, body = req("DELETE", L + "80?integrated_account_id=" + PACED); check("paced first", st == 200, (st, body))
t0 = time.time(); n = len(received)
st, hd, body = req("DELETE", L + "80?integrated_account_id=" + PACED); is_error("paced 429", st, hd, body, 429, remote=False)
check("paced retry-after", hd.get("retry-after", "").isdigit() and int(hd["retry-after"]) >= 1, hd)
check("paced fast", time.time() - t0 < 1.0 and len(received) == n, time.time() - t0)
# retry of 503 then success
received.clear()
script[("DELETE", "/zs/v2/leads/90")] = [(503, {}, b""), (204, {}, b"")]
st, hd, body = req("DELETE", L + "90?integrated_account_id=" + ZS); check("retry 503", st == 200 and len(received) == 2, (st, len(received)))
# monday CRM: a GraphQL POST per call, the board check before the mutation, failures inside a 200
def mon_json(obj, status=200):
    return (status, {"Content-Type": "application/json"}, json.dumps(obj).encode())
def mon_items(item_id, board, state="active"):
    return mon_json({"data": {"items": [{"id": item_id, "state": state, "board": {"id": board}}]}})
def mon_error(code, status_code=None, message="Item not found"):
    ext = {"code": code}
    if status_code is not None: ext["status_code"] = status_code
    return mon_json({"data": {"delete_item": None}, "errors": [{"message": message, "extensions": ext}], "extensions": {"request_id": "r"}})
MON_ITEM = "18273395993"
received.clear(); bodies.clear()
script[("POST", "/mon/v2")] = [mon_items(MON_ITEM, MON_BOARD), mon_json({"data": {"delete_item": {"id": MON_ITEM}}, "extensions": {"request_id": "r"}})]
st, hd, body = req("DELETE", L + MON_ITEM + "?integrated_account_id=" + MON + "&remote_query[trace]=1")
check("mon 200", st == 200 and (j(body) or {}).get("id") == MON_ITEM and (j(body) or {}).get("remote_data", {}).get("data") == {"delete_item": {"id": MON_ITEM}}, (st, body[:200]))
check("mon outcome", hd.get("x-delete-outcome") == "deleted", hd)
check("mon two posts", [r[0] for r in received] == ["POST", "POST"], [r[:2] for r in received])
check("mon raw token", all(r[2].get("Authorization") == "mon-secret-token" for r in received), [r[2].get("Authorization") for r in received])
check("mon api version", all(r[2].get("API-Version") == "2026-10" for r in received), [r[2].get("API-Version") for r in received])
check("mon json body", all(r[2].get("Content-Type", "").startswith("application/json") for r in received), "")
mb = [j(b) or {} for b in bodies]
check("mon check first", "items" in mb[0].get("query", "") and mb[0].get("variables") == {"ids": [MON_ITEM]} and MON_ITEM not in mb[0].get("query", ""), bodies[:1])
check("mon mutation second", "delete_item" in mb[1].get("query", "") and mb[1].get("variables") == {"id": MON_ITEM}, bodies[1:])
check("mon query on mutation only", received[0][1] == "/mon/v2" and received[1][1] == "/mon/v2?trace=1", [r[1] for r in received])
for name, answer in [("other board", mon_items(MON_ITEM, "2001047399")), ("deleted", mon_items(MON_ITEM, MON_BOARD, "deleted")),
                     ("unknown", mon_json({"data": {"items": []}}))]:
    received.clear()
    script[("POST", "/mon/v2")] = [answer]
    st, hd, body = req("DELETE", L + MON_ITEM + "?integrated_account_id=" + MON); b = is_error("mon " + name, st, hd, body, 404, remote=True)
    check("mon " + name + " message", (b or {}).get("message") == f"No lead {MON_ITEM} on board {MON_BOARD}", body[:200])
    check("mon " + name + " no mutation", len(received) == 1, [r[:2] for r in received])
    st, hd, body = req("DELETE", L + MON_ITEM + "?integrated_account_id=" + MON + "&truto_response_format=raw")
    check("mon " + name + " raw is a json error", st == 404 and (j(body) or {}).get("statusCode") == 404, (st, body[:200]))
received.clear()
script[("POST", "/mon/v2")] = [mon_items(MON_ITEM, MON_BOARD), mon_error("InvalidItemIdException", 200)]
st, hd, body = req("DELETE", L + MON_ITEM + "?integrated_account_id=" + MON); b = is_error("mon 404 in a 200", st, hd, body, 404, remote=True)
check("mon 404 in a 200 message", (b or {}).get("message") == "Item not found" and (b or {}).get("raw_response", {}).get("errors"), body[:200])
script[("POST", "/mon/v2")] = [mon_items(MON_ITEM, MON_BOARD), mon_error("InvalidItemIdException", 200)]
st, hd, body = req("DELETE", L + MON_ITEM + "?integrated_account_id=" + MON + "&truto_response_format=raw")
check("mon raw passes the 200 on", st == 200 and "x-delete-outcome" not in hd and (j(body) or {}).get("errors"), (st, hd.get("x-delete-outcome"), body[:200]))
received.clear()
script[("POST", "/mon/v2")] = [mon_items(MON_ITEM, MON_BOARD), mon_error("API_TEMPORARILY_BLOCKED", None, "Blocked")]
st, hd, body = req("DELETE", L + MON_ITEM + "?integrated_account_id=" + MON); b = is_error("mon 503 in a 200", st, hd, body, 502, remote=True)
check("mon 503 in a 200 remote status", (b or {}).get("remote_status_code") == 503, body[:200])
check("mon body failure not retried", len(received) == 2, [r[:2] for r in received])
script[("POST", "/mon/v2")] = [mon_items(MON_ITEM, MON_BOARD), mon_json({"errors": [{"message": "Complexity budget exhausted", "extensions": {"code": "COMPLEXITY_BUDGET_EXHAUSTED", "retry_in_seconds": 2.5}}]})]
st, hd, body = req("DELETE", L + MON_ITEM + "?integrated_account_id=" + MON); is_error("mon 429 in a 200", st, hd, body, 429, remote=True)
check("mon retry-after from body", hd.get("retry-after") == "3", hd)
script[("POST", "/mon/v2")] = [(401, {"Content-Type": "application/json"}, b'{"errors":[{"message":"Not authenticated","extensions":{"code":"NOT_AUTHENTICATED"}}]}')]
st, hd, body = req("DELETE", L + MON_ITEM + "?integrated_account_id=" + MON); is_error("mon 401", st, hd, body, 401, remote=True)
received.clear()
st, hd, body = req("DELETE", L + "0" + MON_ITEM + "?integrated_account_id=" + MON); is_error("mon bad id", st, hd, body, 400)
check("mon bad id no call", len(received) == 0, received)
# metrics
st, hd, body = req("GET", "/metrics", auth=False); check("metrics 401", st == 401, st)
st, hd, body = req("GET", "/metrics"); check("metrics 200", st == 200 and b"unifiedcrm" in body and hd.get("content-type", "").startswith("text/plain"), (st, body[:100]))
# audit
lines = [json.loads(l) for l in open(AUDIT)]
check("audit pairs", len(lines) >= 2 and len(lines) % 2 == 0, len(lines))
check("audit started shape", set(lines[0].keys()) == {"time", "request_id", "integrated_account_id", "integration", "lead_id", "phase"}, lines[0])
fin = [l for l in lines if l.get("phase") == "finished"]
check("audit finished shape", fin and set(fin[0].keys()) == {"time", "request_id", "integrated_account_id", "integration", "lead_id", "phase", "outcome", "provider_status", "duration_ms"}, fin[:1])
raw_audit = open(AUDIT).read()
SECRETS = ["ins-secret-key", "pl-secret-pass", "zs-secret-token", "mon-secret-token", "ns-secret-key", "zo-secret-token",
           "hs-secret-token", "pd-secret-token", "sf-secret-token", "d365-secret-token", TOKEN]
for s in SECRETS:
    check("no secret in audit " + s, s not in raw_audit, "")
# secrets never in output
proc.terminate()
try:
    out, err = proc.communicate(timeout=15)
except subprocess.TimeoutExpired:
    proc.kill(); out, err = proc.communicate()
check("exit on SIGTERM", proc.returncode in (0, 143), proc.returncode)
for s in SECRETS:
    check("no secret in logs " + s, s not in err and s not in out, "")
check("stdout only listening", out.strip() == "", out[:300])
# config errors
def start_bad(c, extra_env=None):
    f = os.path.join(tmp, "bad.json"); open(f, "w").write(c if isinstance(c, str) else json.dumps(c))
    r = subprocess.run(["java", "-jar", JAR, "--config", f, "--port", "0"], env=dict(env, **(extra_env or {})), capture_output=True, text=True, timeout=30)
    return r
for name, mutate in [("unknown key", lambda c: c.update({"extra": 1})),
                     ("unknown integration", lambda c: c["accounts"][0].update({"integration": "acme_crm"})),
                     ("bad pod", lambda c: c["accounts"][0]["context"].update({"pod": "NA 1"})),
                     ("bad monday columns", lambda c: c["accounts"][5]["context"].update({"columns": {"owner": "no such!"}})),
                     ("monday board id not a string", lambda c: c["accounts"][5]["context"].update({"board_id": 2001047343})),
                     ("dup id", lambda c: c["accounts"][1].update({"id": INS.upper()})),
                     ("unset env", lambda c: c["accounts"][0]["credentials"].update({"api_key": "${env:BB_NOT_SET}"})),
                     ("http base", lambda c: c["accounts"][0].update({"base_url": "http://example.com/x"})),
                     ("timeouts", lambda c: c["timeouts"].update({"attempt_ms": 0})),
                     ("no tokens", lambda c: c.update({"api_tokens": []})),
                     ("nutshell context", lambda c: c["accounts"][5].update({"context": {"instance": "54321"}})),
                     ("nutshell no api_key", lambda c: c["accounts"][5].update({"credentials": {"username": "ops@acme.example"}})),
                     ("nutshell user colon", lambda c: c["accounts"][5]["credentials"].update({"username": "ops:x@acme.example"})),
                     ("nutshell token_url", lambda c: c["accounts"][5].update({"token_url": base + "/token"})),
                     ("zoho data centre", lambda c: c["accounts"][7]["context"].update({"data_center": "EU"})),
                     ("zoho context key", lambda c: c["accounts"][7]["context"].update({"org": "1"})),
                     ("zoho two sets", lambda c: c["accounts"][7]["credentials"].update({"client_id": "1000.X"}))]:
    c = json.loads(json.dumps(cfg)); mutate(c)
    r = start_bad(c)
    lines = [l for l in r.stderr.strip().splitlines() if l.strip()]
    check("config " + name + " exit 2", r.returncode == 2, (r.returncode, r.stderr[-300:]))
    check("config " + name + " one line", len(lines) == 1 and "bad.json" in lines[0], r.stderr[-400:])
    check("config " + name + " no secret", "ins-secret-key" not in r.stderr and "pl-secret-pass" not in r.stderr, "")
r = start_bad("{not json"); check("config not json exit 2", r.returncode == 2, r.returncode)
r = subprocess.run(["java", "-jar", JAR, "--help"], capture_output=True, text=True, timeout=30); check("help", r.returncode == 0 and "--config" in r.stdout, r.returncode)
r = subprocess.run(["java", "-jar", JAR, "--bogus"], capture_output=True, text=True, timeout=30); check("bad flag", r.returncode == 2 and r.stdout == "", (r.returncode, r.stdout[:100]))
r = subprocess.run(["java", "-jar", JAR], capture_output=True, text=True, timeout=30); check("no mode", r.returncode == 2, r.returncode)
r = subprocess.run(["java", "-jar", JAR, "--sandbox", "--config", cfgfile], capture_output=True, text=True, timeout=30); check("both modes", r.returncode == 2, r.returncode)
r = subprocess.run(["java", "-jar", JAR, "--config", cfgfile, "--port", "abc"], capture_output=True, text=True, timeout=30); check("port nan", r.returncode == 2, r.returncode)
blocker = socket.socket(); blocker.bind(("127.0.0.1", 0)); blocker.listen(1); bp = blocker.getsockname()[1]
r = subprocess.run(["java", "-jar", JAR, "--config", cfgfile, "--port", str(bp)], env=env, capture_output=True, text=True, timeout=30)
check("port in use", r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, (r.returncode, r.stderr[-200:]))

# zoho_crm oauth
# A service of its own: Zoho's refresh grant against a fake Zoho Accounts (form fields, Zoho's answers).
ZO_OA, ZO_OA_REFUSED, ZO_OA_SLOW = "d4e0b5f2-6c7a-4b8d-9e3f-2a1b0c9d8e72", "e5f1c6a3-7d8b-4c9e-8f4a-3b2c1d0e9f83", "f6a2d7b4-8e9c-4dae-9b5c-4c3d2e1f0a94"
ZO_OA_SECRETS = ["zo-secret-client-secret", "zo-secret-refresh-token", "1000.zo-secret-access-one", "1000.zo-secret-access-two"]
def zo_oa_account(acc, prefix, refresh):
    return {"id": acc, "integration": "zoho_crm", "base_url": base + prefix + "/crm/v8", "token_url": base + prefix + "/oauth/v2/token",
            "credentials": {"client_id": "1000.ZOPROBE", "client_secret": "zo-secret-client-secret", "refresh_token": refresh},
            "rate_limit": {"requests_per_second": 0}}
zo_oa_audit = os.path.join(tmp, "zo-oauth-audit.jsonl")
zo_oa_cfg = {"api_tokens": [TOKEN], "audit_log": zo_oa_audit, "accounts": [
    zo_oa_account(ZO_OA, "/zo-oauth", "zo-secret-refresh-token"), zo_oa_account(ZO_OA_REFUSED, "/zo-refused", "zo-secret-refresh-token"),
    zo_oa_account(ZO_OA_SLOW, "/zo-slow", "zo-secret-refresh-token")]}
zo_oa_file = os.path.join(tmp, "zo-oauth.json"); json.dump(zo_oa_cfg, open(zo_oa_file, "w"))
ZO_OA_PORT = free_port()
zo_oa_proc = subprocess.Popen(["java", "-jar", JAR, "--config", zo_oa_file, "--port", str(ZO_OA_PORT)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
check("zo oauth listening", zo_oa_proc.stdout.readline().strip() == f"listening on http://127.0.0.1:{ZO_OA_PORT}", "")
def zo_oa_req(path):
    c = http.client.HTTPConnection("127.0.0.1", ZO_OA_PORT, timeout=15)
    c.request("DELETE", path, headers={"Authorization": "Bearer " + TOKEN})
    r = c.getresponse(); body = r.read(); c.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body
def zo_oa_token(access):  # expires_in in milliseconds beside expires_in_sec; api_domain names another host
    return (200, {"Content-Type": "application/json"}, json.dumps({"access_token": access, "scope": "ZohoCRM.modules.ALL",
            "api_domain": "https://www.zohoapis.com", "token_type": "Bearer", "expires_in_sec": 3600, "expires_in": 3600000}).encode())
zo_oa_json = {"Content-Type": "application/json"}
received.clear(); bodies.clear()
script[("POST", "/zo-oauth/oauth/v2/token")] = [zo_oa_token("1000.zo-secret-access-one"), zo_oa_token("1000.zo-secret-access-two")]
script[("DELETE", "/zo-oauth/crm/v8/Leads/" + ZO_LEAD)] = (200, zo_oa_json, json.dumps(zo_ok).encode())
st, hd, body = zo_oa_req(L + ZO_LEAD + "?integrated_account_id=" + ZO_OA)
check("zo oauth delete", st == 200 and j(body) == {"id": ZO_LEAD, "remote_data": zo_ok}, (st, body[:200]))
check("zo oauth token first", [r[:2] for r in received] == [("POST", "/zo-oauth/oauth/v2/token"), ("DELETE", "/zo-oauth/crm/v8/Leads/" + ZO_LEAD)], [r[:2] for r in received])
th = received[0][2] if received else {}
check("zo oauth token form", th.get("Content-Type", "").startswith("application/x-www-form-urlencoded") and "Authorization" not in th
      and th.get("Accept") == "application/json", th)
check("zo oauth token fields", bodies and dict(urllib.parse.parse_qsl(bodies[0].decode())) == {"grant_type": "refresh_token",
      "client_id": "1000.ZOPROBE", "client_secret": "zo-secret-client-secret", "refresh_token": "zo-secret-refresh-token"}, "")
check("zo oauth delete auth", len(received) > 1 and received[1][2].get("Authorization") == "Zoho-oauthtoken 1000.zo-secret-access-one", "")
st, hd, body = zo_oa_req(L + ZO_LEAD + "?integrated_account_id=" + ZO_OA)
check("zo oauth token reused", st == 200 and [r[0] for r in received] == ["POST", "DELETE", "DELETE"], [r[:2] for r in received])
script[("DELETE", "/zo-oauth/crm/v8/Leads/" + ZO_LEAD)] = [(401, zo_oa_json, b'{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}'),
                                                          (200, zo_oa_json, json.dumps(zo_ok).encode())]
st, hd, body = zo_oa_req(L + ZO_LEAD + "?integrated_account_id=" + ZO_OA)
check("zo oauth invalid token renewed once", st == 200 and [r[0] for r in received[3:]] == ["DELETE", "POST", "DELETE"]
      and received[-1][2].get("Authorization") == "Zoho-oauthtoken 1000.zo-secret-access-two", (st, [r[:2] for r in received[3:]]))
received.clear()
script[("POST", "/zo-refused/oauth/v2/token")] = (200, zo_oa_json, b'{"error":"invalid_code"}')
st, hd, body = zo_oa_req(L + ZO_LEAD + "?integrated_account_id=" + ZO_OA_REFUSED); b = is_error("zo oauth refused", st, hd, body, 401, remote=True)
check("zo oauth refused message", ZO_OA_REFUSED in (b or {}).get("message", "") and "connected again" in (b or {}).get("message", "")
      and (b or {}).get("raw_response") == {"error": "invalid_code"}, body[:300])
st, hd, body = zo_oa_req(L + ZO_LEAD + "?integrated_account_id=" + ZO_OA_REFUSED + "&truto_response_format=raw")
b = is_error("zo oauth refused raw", st, hd, body, 401, remote=True)
check("zo oauth refused not asked again, nothing deleted", [r[:2] for r in received] == [("POST", "/zo-refused/oauth/v2/token")], [r[:2] for r in received])
script[("POST", "/zo-slow/oauth/v2/token")] = (400, zo_oa_json, b'{"error_description":"You have made too many requests continuously. Please try again after some time.","error":"Access Denied","status":"failure"}')
st, hd, body = zo_oa_req(L + ZO_LEAD + "?integrated_account_id=" + ZO_OA_SLOW); b = is_error("zo oauth throttled", st, hd, body, 429, remote=False)
check("zo oauth throttled retry-after", hd.get("retry-after") == "60" and "too many requests" in (b or {}).get("message", ""), (hd, body[:200]))
check("zo oauth throttled no delete", not any(r[1].startswith("/zo-slow/crm") for r in received), [r[:2] for r in received])
zo_oa_proc.terminate()
try:
    zo_oa_out, zo_oa_err = zo_oa_proc.communicate(timeout=15)
except subprocess.TimeoutExpired:
    zo_oa_proc.kill(); zo_oa_out, zo_oa_err = zo_oa_proc.communicate()
SECRETS += ZO_OA_SECRETS
zo_oa_audit_text = open(zo_oa_audit).read() if os.path.exists(zo_oa_audit) else ""
for s in ZO_OA_SECRETS:
    check("zo oauth no secret " + s, s not in zo_oa_out and s not in zo_oa_err and s not in zo_oa_audit_text, "")
check("zo oauth token logged", "obtained a new access token for integrated account " + ZO_OA in zo_oa_err, zo_oa_err[-300:])

# hubspot oauth: the refresh grant, client in the form, the token on the delete, one renewal on a 401, a refused grant
HSO = "7a1e5c3b-9d2f-4b8a-8e6c-1f0d2a3b4c5d"
HSO_REFUSED = "7a1e5c3b-9d2f-4b8a-8e6c-1f0d2a3b4c5e"
HSO_TOKEN = "/hso/oauth/2026-03/token"
HSO_REFUSED_TOKEN = "/hso-refused/oauth/2026-03/token"
HSO_LEAD = "/hso/crm/objects/2026-03/leads/38475629104"
HSO_SECRETS = ["hso-client-secret-5ecret", "hso-refresh-token-5ecret", "hso-access-one-5ecret", "hso-access-two-5ecret"]
def hso_token_answer(access):
    return (200, {"Content-Type": "application/json;charset=utf-8"}, json.dumps({"access_token": access, "refresh_token": HSO_SECRETS[1],
            "expires_in": 1800, "token_type": "bearer", "token_use": "access_token", "hub_id": 12345678, "user_id": 987654,
            "scopes": ["crm.objects.leads.read", "crm.objects.leads.write", "oauth"]}).encode())
hso_credentials = {"client_id": "5f1c2d3e-hso-client", "client_secret": "${env:BB_HSO_SECRET}", "refresh_token": "${env:BB_HSO_REFRESH}"}
hso_cfg = {"api_tokens": [TOKEN], "accounts": [
    {"id": HSO, "integration": "hubspot", "base_url": base + "/hso", "token_url": base + HSO_TOKEN,
     "credentials": hso_credentials, "rate_limit": {"requests_per_second": 0}},
    {"id": HSO_REFUSED, "integration": "hubspot", "base_url": base + "/hso", "token_url": base + HSO_REFUSED_TOKEN,
     "credentials": hso_credentials, "rate_limit": {"requests_per_second": 0}}]}
hso_file = os.path.join(tmp, "hubspot-oauth.json"); json.dump(hso_cfg, open(hso_file, "w"))
hso_env = dict(os.environ, BB_HSO_SECRET=HSO_SECRETS[0], BB_HSO_REFRESH=HSO_SECRETS[1])
HSO_PORT = free_port()
hso_proc = subprocess.Popen(["java", "-jar", JAR, "--config", hso_file, "--port", str(HSO_PORT)], env=hso_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
check("hso listening", hso_proc.stdout.readline().strip() == f"listening on http://127.0.0.1:{HSO_PORT}", "")
def hso_delete(account):
    c = http.client.HTTPConnection("127.0.0.1", HSO_PORT, timeout=15)
    c.request("DELETE", L + "38475629104?integrated_account_id=" + account, headers={"Authorization": "Bearer " + TOKEN})
    r = c.getresponse(); body = r.read(); c.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body
hso_answers = []
received.clear(); bodies.clear()
script[("POST", HSO_TOKEN)] = hso_token_answer(HSO_SECRETS[2])
script[("DELETE", HSO_LEAD)] = (204, {}, b"")
st, hd, body = hso_delete(HSO); hso_answers.append(body)
check("hso 200", st == 200 and j(body) == {"id": "38475629104"} and hd.get("x-delete-outcome") == "deleted", (st, body))
check("hso token then delete", [r[:2] for r in received] == [("POST", HSO_TOKEN), ("DELETE", HSO_LEAD)], [r[:2] for r in received])
th = received[0][2] if received else {}
check("hso token request form", th.get("Content-Type", "").startswith("application/x-www-form-urlencoded")
      and th.get("Accept") == "application/json", th.get("Content-Type"))
check("hso token request no basic", "Authorization" not in th, "")
hso_form = dict(urllib.parse.parse_qsl(bodies[0].decode())) if bodies else {}
check("hso token request fields", hso_form == {"grant_type": "refresh_token", "client_id": "5f1c2d3e-hso-client",
      "client_secret": HSO_SECRETS[0], "refresh_token": HSO_SECRETS[1]}, sorted(hso_form))
check("hso delete bearer", len(received) > 1 and received[1][2].get("Authorization") == "Bearer " + HSO_SECRETS[2], "")
received.clear()
st, hd, body = hso_delete(HSO); hso_answers.append(body)
check("hso token reused", st == 200 and [r[:2] for r in received] == [("DELETE", HSO_LEAD)]
      and received[0][2].get("Authorization") == "Bearer " + HSO_SECRETS[2], [r[:2] for r in received])
received.clear()
script[("POST", HSO_TOKEN)] = hso_token_answer(HSO_SECRETS[3])
script[("DELETE", HSO_LEAD)] = [(401, {"Content-Type": "application/json"}, json.dumps({"status": "error",
    "message": "The OAuth token used to make this call expired 0 second(s) ago.", "correlationId": "c2",
    "category": "EXPIRED_AUTHENTICATION"}).encode()), (204, {}, b"")]
st, hd, body = hso_delete(HSO); hso_answers.append(body)
check("hso expired renewed once", st == 200 and [r[:2] for r in received] == [("DELETE", HSO_LEAD), ("POST", HSO_TOKEN), ("DELETE", HSO_LEAD)]
      and received[2][2].get("Authorization") == "Bearer " + HSO_SECRETS[3], (st, [r[:2] for r in received]))
received.clear()
script[("POST", HSO_REFUSED_TOKEN)] = (400, {"Content-Type": "application/json"}, json.dumps({"error": "invalid_grant",
    "error_description": "refresh token is invalid, expired or revoked", "status": "BAD_REFRESH_TOKEN",
    "message": "refresh token is invalid, expired or revoked"}).encode())
st, hd, body = hso_delete(HSO_REFUSED); hso_answers.append(body); b = is_error("hso refused grant", st, hd, body, 401, remote=True)
check("hso refused names account", HSO_REFUSED in (b or {}).get("message", "") and "connected again" in (b or {}).get("message", ""), body[:300])
check("hso refused raw_response", ((b or {}).get("raw_response") or {}).get("status") == "BAD_REFRESH_TOKEN", body[:300])
check("hso refused nothing deleted", [r[:2] for r in received] == [("POST", HSO_REFUSED_TOKEN)], [r[:2] for r in received])
hso_proc.terminate()
try:
    hso_out, hso_err = hso_proc.communicate(timeout=15)
except subprocess.TimeoutExpired:
    hso_proc.kill(); hso_out, hso_err = hso_proc.communicate()
for s in HSO_SECRETS:
    check("hso no secret in logs " + s, s not in hso_out and s not in hso_err, "")
    check("hso no secret in answers " + s, all(s.encode() not in a for a in hso_answers), "")
hso_static = json.loads(json.dumps(hso_cfg)); hso_static["accounts"][0]["credentials"] = {"access_token": "hs-static"}
r = start_bad(hso_static, {"BB_HSO_SECRET": HSO_SECRETS[0], "BB_HSO_REFRESH": HSO_SECRETS[1]})
check("hso token_url with the static set exit 2", r.returncode == 2 and "token_url" in r.stderr, (r.returncode, r.stderr[-300:]))
# salesforce oauth
# A service of its own: the three OAuth sets against fake token endpoints, tokens kept until 401 INVALID_SESSION_ID,
# the token answer's instance_url never followed, a refused grant a 401, and no secret in any output.
import hashlib
SFO_CC, SFO_RT, SFO_JWT, SFO_BAD = ("6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a51", "6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a52",
                                    "6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a53", "6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a54")
SFO_SECRET, SFO_REFRESH, SFO_BAD_SECRET = "sfo-secret-client-secret", "sfo-secret-refresh-token", "sfo-secret-wrong-secret"
SFO_TOKENS = ["00DHs000000Xyz1!sfo-secret-access-" + str(i) for i in range(6)]
SFO_KEYGEN = os.path.join(tmp, "SfoKeygen.java")
open(SFO_KEYGEN, "w").write("""public class SfoKeygen { public static void main(String[] a) throws Exception {
  var g = java.security.KeyPairGenerator.getInstance("RSA"); g.initialize(2048); var k = g.generateKeyPair();
  var pub = (java.security.interfaces.RSAPublicKey) k.getPublic();
  System.out.println(pub.getModulus().toString(16)); System.out.println(pub.getPublicExponent().toString(16));
  System.out.print("-----BEGIN PRIVATE KEY-----\\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\\n'})
      .encodeToString(k.getPrivate().getEncoded()) + "\\n-----END PRIVATE KEY-----\\n"); } }""")
sfo_key = subprocess.run(["java", SFO_KEYGEN], capture_output=True, text=True, timeout=60).stdout.split("\n", 2)
SFO_N, SFO_E, SFO_PEM = int(sfo_key[0], 16), int(sfo_key[1], 16), sfo_key[2]
SFO_KEY_BODY = SFO_PEM.splitlines()[1]
SFO_API = "/sfo/services/data/v64.0"
SFO_LEAD_PATH = SFO_API + "/sobjects/Lead/" + SF_LEAD
def sfo_token_path(name): return "/sfo-" + name + "/services/oauth2/token"
def sfo_account(account_id, name, credentials, context=None):
    account = {"id": account_id, "integration": "salesforce", "base_url": base + SFO_API, "token_url": base + sfo_token_path(name),
               "credentials": credentials, "rate_limit": {"requests_per_second": 0}}
    if context: account["context"] = context
    return account
sfo_cfg = {"api_tokens": [TOKEN], "accounts": [
    sfo_account(SFO_CC, "cc", {"client_id": "3MVG9sfoClient", "client_secret": "${env:SFO_SECRET}"}),
    sfo_account(SFO_RT, "rt", {"client_id": "3MVG9sfoClient", "client_secret": "${env:SFO_SECRET}", "refresh_token": "${env:SFO_REFRESH}"}),
    sfo_account(SFO_JWT, "jwt", {"client_id": "3MVG9sfoClient", "username": "integration@acme.example", "private_key": "${env:SFO_KEY}"},
                {"login_url": "https://test.salesforce.com"}),
    sfo_account(SFO_BAD, "bad", {"client_id": "3MVG9sfoClient", "client_secret": "${env:SFO_BAD_SECRET}"})]}
sfo_cfgfile = os.path.join(tmp, "salesforce-oauth.json"); json.dump(sfo_cfg, open(sfo_cfgfile, "w"))
SFO_PORT = free_port()
sfo_proc = subprocess.Popen(["java", "-jar", JAR, "--config", sfo_cfgfile, "--port", str(SFO_PORT)],
                            env=dict(env, SFO_SECRET=SFO_SECRET, SFO_REFRESH=SFO_REFRESH, SFO_KEY=SFO_PEM, SFO_BAD_SECRET=SFO_BAD_SECRET),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
check("sfo listening", sfo_proc.stdout.readline().strip() == f"listening on http://127.0.0.1:{SFO_PORT}", "")
def sfo_delete(account_id):
    c = http.client.HTTPConnection("127.0.0.1", SFO_PORT, timeout=15)
    c.request("DELETE", L + SF_LEAD + "?integrated_account_id=" + account_id, headers={"Authorization": "Bearer " + TOKEN})
    r = c.getresponse(); body = r.read(); c.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body
def sfo_token_answer(token):
    # Salesforce's answer: no expires_in, and an instance_url that must never be followed.
    return (200, {"Content-Type": "application/json"}, json.dumps({"access_token": token, "signature": "nUFHfake=", "scope": "api",
            "instance_url": "http://127.0.0.1:1/elsewhere", "id": "https://login.salesforce.com/id/00DHs000000Xyz1MAC/005Hs00000A9tQwIAJ",
            "token_type": "Bearer", "issued_at": "1709635521000"}).encode())
def sfo_form(i): return dict(urllib.parse.parse_qsl(bodies[i].decode(), keep_blank_values=True))
def sfo_b64(part): return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
SFO_INVALID_SESSION = (401, {"Content-Type": "application/json"}, b'[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]')
sfo_bodies = []
# client credentials: the form fields, no Basic, the delete carries the token at the configured root
received.clear(); bodies.clear()
script[("POST", sfo_token_path("cc"))] = [sfo_token_answer(SFO_TOKENS[0]), sfo_token_answer(SFO_TOKENS[1])]
script[("DELETE", SFO_LEAD_PATH)] = (204, {"Sforce-Limit-Info": "api-usage=3/15000"}, b"")
st, hd, body = sfo_delete(SFO_CC); sfo_bodies.append(body)
check("sfo cc 200", st == 200 and j(body) == {"id": SF_LEAD}, (st, body))
check("sfo cc exchanges", [(r[0], r[1]) for r in received] == [("POST", sfo_token_path("cc")), ("DELETE", SFO_LEAD_PATH)], received)
if len(received) == 2:
    check("sfo cc form", sfo_form(0) == {"grant_type": "client_credentials", "client_id": "3MVG9sfoClient", "client_secret": SFO_SECRET}, sfo_form(0))
    check("sfo cc form content type", received[0][2].get("Content-Type", "").startswith("application/x-www-form-urlencoded"), received[0][2])
    check("sfo cc no basic", "Authorization" not in received[0][2], received[0][2].get("Authorization"))
    check("sfo cc delete token", received[1][2].get("Authorization") == "Bearer " + SFO_TOKENS[0], received[1][2].get("Authorization"))
st, hd, body = sfo_delete(SFO_CC); sfo_bodies.append(body)
check("sfo cc token reused", st == 200 and [r[0] for r in received] == ["POST", "DELETE", "DELETE"]
      and received[-1][2].get("Authorization") == "Bearer " + SFO_TOKENS[0], [r[0] for r in received])
# INVALID_SESSION_ID: one new token, one repeat
received.clear(); bodies.clear()
script[("DELETE", SFO_LEAD_PATH)] = [SFO_INVALID_SESSION, (204, {}, b"")]
st, hd, body = sfo_delete(SFO_CC); sfo_bodies.append(body)
check("sfo renewed once", st == 200 and [r[0] for r in received] == ["DELETE", "POST", "DELETE"], (st, [r[0] for r in received]))
check("sfo repeat carries new token", received[-1][2].get("Authorization") == "Bearer " + SFO_TOKENS[1], received[-1][2].get("Authorization"))
# a second INVALID_SESSION_ID is the answer: 401, remote
received.clear(); bodies.clear()
script[("POST", sfo_token_path("cc"))] = sfo_token_answer(SFO_TOKENS[2])
script[("DELETE", SFO_LEAD_PATH)] = SFO_INVALID_SESSION
st, hd, body = sfo_delete(SFO_CC); sfo_bodies.append(body)
is_error("sfo second expiry", st, hd, body, 401, remote=True)
check("sfo second expiry exchanges", [r[0] for r in received] == ["DELETE", "POST", "DELETE"], [r[0] for r in received])
check("sfo no www-authenticate", "www-authenticate" not in hd, hd)
# refresh token: its form fields
received.clear(); bodies.clear()
script[("POST", sfo_token_path("rt"))] = sfo_token_answer(SFO_TOKENS[3])
script[("DELETE", SFO_LEAD_PATH)] = (204, {}, b"")
st, hd, body = sfo_delete(SFO_RT); sfo_bodies.append(body)
check("sfo rt 200", st == 200 and [r[0] for r in received] == ["POST", "DELETE"], (st, [r[0] for r in received]))
if len(received) == 2:
    check("sfo rt form", sfo_form(0) == {"grant_type": "refresh_token", "client_id": "3MVG9sfoClient", "client_secret": SFO_SECRET,
                                         "refresh_token": SFO_REFRESH}, sfo_form(0))
    check("sfo rt delete token", received[1][2].get("Authorization") == "Bearer " + SFO_TOKENS[3], received[1][2].get("Authorization"))
# JWT bearer: an RS256 assertion, aud the login host, signed with the account's key
received.clear(); bodies.clear()
script[("POST", sfo_token_path("jwt"))] = sfo_token_answer(SFO_TOKENS[4])
before = int(time.time())
st, hd, body = sfo_delete(SFO_JWT); sfo_bodies.append(body)
check("sfo jwt 200", st == 200 and [r[0] for r in received] == ["POST", "DELETE"], (st, [r[0] for r in received]))
if len(received) == 2:
    form = sfo_form(0)
    check("sfo jwt form", set(form) == {"grant_type", "assertion"} and form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer", form)
    parts = form.get("assertion", "..").split(".")
    header, claims = j(sfo_b64(parts[0])) or {}, j(sfo_b64(parts[1])) or {}
    check("sfo jwt header", header.get("alg") == "RS256" and header.get("typ", "JWT") == "JWT", header)
    check("sfo jwt claims", claims.get("iss") == "3MVG9sfoClient" and claims.get("sub") == "integration@acme.example"
          and claims.get("aud") in ("https://test.salesforce.com", ["https://test.salesforce.com"])
          and before + 170 <= claims.get("exp", 0) <= int(time.time()) + 190, claims)
    digest_info = bytes.fromhex("3031300d060960864801650304020105000420") + hashlib.sha256((parts[0] + "." + parts[1]).encode()).digest()
    size = (SFO_N.bit_length() + 7) // 8
    expected = b"\x00\x01" + b"\xff" * (size - len(digest_info) - 3) + b"\x00" + digest_info
    check("sfo jwt signature", pow(int.from_bytes(sfo_b64(parts[2]), "big"), SFO_E, SFO_N).to_bytes(size, "big") == expected, "")
    check("sfo jwt delete token", received[1][2].get("Authorization") == "Bearer " + SFO_TOKENS[4], received[1][2].get("Authorization"))
# a refused grant: 401, remote, the message names the account, the delete never sent
received.clear(); bodies.clear()
script[("POST", sfo_token_path("bad"))] = (400, {"Content-Type": "application/json"},
                                           json.dumps({"error": "invalid_client", "error_description": "invalid client credentials",
                                                       "client_secret": SFO_BAD_SECRET}).encode())
st, hd, body = sfo_delete(SFO_BAD); sfo_bodies.append(body)
b = is_error("sfo refused grant", st, hd, body, 401, remote=True) or {}
check("sfo refused message", SFO_BAD in b.get("message", "") and "invalid client credentials" in b.get("message", ""), b.get("message"))
check("sfo refused masked", b.get("raw_response") == {"error": "invalid_client", "error_description": "invalid client credentials",
                                                      "client_secret": "***"}, b.get("raw_response"))
check("sfo refused no delete", [r[0] for r in received] == ["POST"], [r[0] for r in received])
# no secret in any answer or output
sfo_proc.terminate()
try:
    sfo_out, sfo_err = sfo_proc.communicate(timeout=15)
except subprocess.TimeoutExpired:
    sfo_proc.kill(); sfo_out, sfo_err = sfo_proc.communicate()
for s in [SFO_SECRET, SFO_REFRESH, SFO_BAD_SECRET, SFO_KEY_BODY] + SFO_TOKENS:
    check("sfo no secret in output " + s[:24], s not in sfo_out and s not in sfo_err, "")
    check("sfo no secret in answers " + s[:24], all(s.encode() not in x for x in sfo_bodies), "")
check("sfo no assertion in output", "eyJ" not in sfo_out and "eyJ" not in sfo_err, "")

# pipedrive oauth
# Its own service process: a refresh-grant account whose token endpoint and API are the fake provider.
PDO = "c4e8a2f0-1b3d-4c5e-9f7a-6b8d0e2f4a6c"
PDO_REFUSED = "d5f9b3a1-2c4e-4d6f-8a7b-7c9e1f3a5b7d"
PDO_LEAD = "1f0c3e20-db5a-11ee-a1b2-3d4e5f607182"
PDO_PATH = "/pdo/api/v1/leads/" + PDO_LEAD
PDO_SECRETS = ["pdo-secret-client", "pdo-secret-refresh-1", "pdo-secret-refresh-2", "pdo-secret-refresh-3",
               "pdo-secret-access-1", "pdo-secret-access-2"]
def pdo_token(access, refresh):
    return (200, {"Content-Type": "application/json"}, json.dumps({"access_token": access, "token_type": "Bearer",
            "refresh_token": refresh, "scope": "base,leads:full", "expires_in": 3600,
            "api_domain": "https://elsewhere.pipedrive.com"}).encode())
pdo_ok = (200, {"Content-Type": "application/json"}, json.dumps({"success": True, "data": {"id": PDO_LEAD}}).encode())
pdo_401 = (401, {"Content-Type": "application/json", "x-401-by-gw": "true"},
           b'{"success":false,"error":"unauthorized access","errorCode":401,"error_info":"Please check developers.pipedrive.com"}')
script[("POST", "/pdo-oauth/token")] = [pdo_token("pdo-secret-access-1", "pdo-secret-refresh-2"),
                                        pdo_token("pdo-secret-access-2", "pdo-secret-refresh-3")]
script[("POST", "/pdo-refused/token")] = (400, {"Content-Type": "application/json"},
    b'{"error":"invalid_grant","error_description":"Invalid grant: refresh_token is invalid","refresh_token":"pdo-secret-refresh-1"}')
script[("DELETE", PDO_PATH)] = pdo_ok
def pdo_account(account_id, token_path):
    return {"id": account_id, "integration": "pipedrive", "context": {"company_domain": "acme"}, "base_url": base + "/pdo/api/v1",
            "token_url": base + token_path, "rate_limit": {"requests_per_second": 0},
            "credentials": {"client_id": "pdo-client", "client_secret": "${env:BB_PDO_SECRET}", "refresh_token": "${env:BB_PDO_REFRESH}"}}
pdo_cfgfile = os.path.join(tmp, "pipedrive-oauth.json")
json.dump({"api_tokens": [TOKEN], "timeouts": {"connect_ms": 1000, "attempt_ms": 2000, "request_ms": 5000},
           "accounts": [pdo_account(PDO, "/pdo-oauth/token"), pdo_account(PDO_REFUSED, "/pdo-refused/token")]}, open(pdo_cfgfile, "w"))
pdo_port = free_port()
pdo_proc = subprocess.Popen(["java", "-jar", JAR, "--config", pdo_cfgfile, "--port", str(pdo_port)],
                            env=dict(os.environ, BB_PDO_SECRET="pdo-secret-client", BB_PDO_REFRESH="pdo-secret-refresh-1"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
pdo_line = pdo_proc.stdout.readline().strip()
check("pdo listening", pdo_line == f"listening on http://127.0.0.1:{pdo_port}", pdo_line)
pdo_answers = []
def pdo_req(lead, account):
    c = http.client.HTTPConnection("127.0.0.1", pdo_port, timeout=15)
    c.request("DELETE", L + lead + "?integrated_account_id=" + account, headers={"Authorization": "Bearer " + TOKEN})
    r = c.getresponse(); b = r.read(); c.close()
    pdo_answers.append(b)
    return r.status, {k.lower(): v for k, v in r.getheaders()}, b
def pdo_seen(method, path):
    return [(r, bodies[i]) for i, r in enumerate(received) if r[0] == method and r[1].split("?")[0] == path]
received.clear(); bodies.clear()
st, hd, body = pdo_req(PDO_LEAD, PDO)
check("pdo delete 200", st == 200 and j(body) == {"id": PDO_LEAD, "remote_data": {"success": True, "data": {"id": PDO_LEAD}}}, (st, body[:300]))
tokens_sent = pdo_seen("POST", "/pdo-oauth/token")
check("pdo one token request", len(tokens_sent) == 1, len(tokens_sent))
if tokens_sent:
    (m, p, h), form = tokens_sent[0]
    check("pdo token basic auth", h.get("Authorization") == "Basic " + base64.b64encode(b"pdo-client:pdo-secret-client").decode(), h.get("Authorization"))
    check("pdo token form", h.get("Content-Type", "").startswith("application/x-www-form-urlencoded") and h.get("Accept") == "application/json"
          and urllib.parse.parse_qs(form.decode()) == {"grant_type": ["refresh_token"], "refresh_token": ["pdo-secret-refresh-1"]}, (h, form))
deletes = pdo_seen("DELETE", PDO_PATH)
check("pdo delete bearer", len(deletes) == 1 and deletes[0][0][2].get("Authorization") == "Bearer pdo-secret-access-1"
      and "x-api-token" not in {k.lower() for k in deletes[0][0][2]}, [d[0][2] for d in deletes])
st, hd, body = pdo_req(PDO_LEAD, PDO)
check("pdo token reused", st == 200 and len(pdo_seen("POST", "/pdo-oauth/token")) == 1, (st, len(pdo_seen("POST", "/pdo-oauth/token"))))
received.clear(); bodies.clear()
script[("DELETE", PDO_PATH)] = [pdo_401, pdo_ok]
st, hd, body = pdo_req(PDO_LEAD, PDO)
renewals = pdo_seen("POST", "/pdo-oauth/token")
check("pdo 401 renews once", st == 200 and len(renewals) == 1
      and urllib.parse.parse_qs(renewals[0][1].decode()).get("refresh_token") == ["pdo-secret-refresh-2"], (st, body[:200], len(renewals)))
check("pdo 401 repeats once with the new token", [d[0][2].get("Authorization") for d in pdo_seen("DELETE", PDO_PATH)]
      == ["Bearer pdo-secret-access-1", "Bearer pdo-secret-access-2"], [d[0][2].get("Authorization") for d in pdo_seen("DELETE", PDO_PATH)])
received.clear(); bodies.clear()
st, hd, body = pdo_req(PDO_LEAD, PDO_REFUSED); b = is_error("pdo refused grant", st, hd, body, 401, remote=True)
check("pdo refused grant message", PDO_REFUSED in (b or {}).get("message", "") and "connected again" in (b or {}).get("message", ""), body[:300])
check("pdo refused grant masked", (b or {}).get("raw_response", {}).get("refresh_token") == "***", body[:300])
check("pdo refused grant no delete", pdo_seen("DELETE", PDO_PATH) == [] and len(pdo_seen("POST", "/pdo-refused/token")) == 1, received)
pdo_proc.terminate()
try:
    pdo_out, pdo_err = pdo_proc.communicate(timeout=15)
except subprocess.TimeoutExpired:
    pdo_proc.kill(); pdo_out, pdo_err = pdo_proc.communicate()
check("pdo start warns: rotation without credential_store", pdo_err.count("rotates") == 2 and "credential_store" in pdo_err, pdo_err[-600:])
check("pdo api_domain warned, not followed", "elsewhere.pipedrive.com" in pdo_err and not any("elsewhere" in r[1] for r in received), pdo_err[-600:])
for s in PDO_SECRETS:
    check("pdo no secret in logs " + s, s not in pdo_out and s not in pdo_err, "")
    check("pdo no secret in answers " + s, all(s.encode() not in answer for answer in pdo_answers), "")
# dynamics 365 sales oauth: Entra ID client credentials at token_url, the environment's scope, renewal on 401
D365O, D365O_REFUSED = "6d2e8a41-3b7c-4f90-8a1d-2c5e7b9f0a13", "8f3a1c52-6d4e-4b7a-9c0f-1e2d3a4b5c66"
D365O_TENANT, D365O_CLIENT = "9b1d2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d", "c8e4a1b2-3d4f-4e5a-9b6c-7d8e9f0a1b2c"
D365O_SECRETS = ["d365o-client-secret~x", "d365o-access-token-a", "d365o-access-token-b"]
D365O_TOKEN_PATH = "/d365-login/" + D365O_TENANT + "/oauth2/v2.0/token"
D365O_REFUSED_PATH = "/d365-login/contoso.onmicrosoft.com/oauth2/v2.0/token"
D365O_PATH = "/d365o/api/data/v9.2/leads(" + D365_LEAD + ")"
def d365o_account(account_id, tenant, token_path):
    return {"id": account_id, "integration": "dynamics_365_sales", "context": {"org_url": "https://contoso.crm4.dynamics.com"},
            "base_url": base + "/d365o/api/data/v9.2", "token_url": base + token_path, "rate_limit": {"requests_per_second": 0},
            "credentials": {"tenant_id": tenant, "client_id": D365O_CLIENT, "client_secret": "${env:BB_D365O_SECRET}"}}
d365o_cfg = {"api_tokens": [TOKEN], "timeouts": {"connect_ms": 1000, "attempt_ms": 2000, "request_ms": 5000},
             "accounts": [d365o_account(D365O, D365O_TENANT, D365O_TOKEN_PATH),
                          d365o_account(D365O_REFUSED, "contoso.onmicrosoft.com", D365O_REFUSED_PATH)]}
d365o_file = os.path.join(tmp, "d365-oauth.json"); json.dump(d365o_cfg, open(d365o_file, "w"))
d365o_port = free_port()
d365o_proc = subprocess.Popen(["java", "-jar", JAR, "--config", d365o_file, "--port", str(d365o_port)],
                              env=dict(env, BB_D365O_SECRET=D365O_SECRETS[0]), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
check("d365o listening", d365o_proc.stdout.readline().strip() == f"listening on http://127.0.0.1:{d365o_port}", "")
def d365o_delete(account_id):
    c = http.client.HTTPConnection("127.0.0.1", d365o_port, timeout=15)
    c.request("DELETE", L + D365_LEAD + "?integrated_account_id=" + account_id, headers={"Authorization": "Bearer " + TOKEN})
    r = c.getresponse(); body = r.read(); c.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body
def d365o_token_answer(token):
    return (200, {"Content-Type": "application/json; charset=utf-8"},
            json.dumps({"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": token}).encode())
received.clear(); bodies.clear()
script[("POST", D365O_TOKEN_PATH)] = [d365o_token_answer(D365O_SECRETS[1]), d365o_token_answer(D365O_SECRETS[2])]
script[("DELETE", D365O_PATH)] = (204, {}, b"")
st, hd, body = d365o_delete(D365O)
check("d365o 200", st == 200 and j(body) == {"id": D365_LEAD}, (st, body[:300]))
check("d365o token then delete", [r[:2] for r in received] == [("POST", D365O_TOKEN_PATH), ("DELETE", D365O_PATH)], [r[:2] for r in received])
if received and received[0][0] == "POST":
    form = dict(urllib.parse.parse_qsl(bodies[0].decode()))
    check("d365o token form", form == {"grant_type": "client_credentials", "client_id": D365O_CLIENT, "client_secret": D365O_SECRETS[0],
                                       "scope": "https://contoso.crm4.dynamics.com/.default"}, sorted(form))
    check("d365o token request headers", received[0][2].get("Content-Type", "").startswith("application/x-www-form-urlencoded")
          and received[0][2].get("Accept") == "application/json" and "Authorization" not in received[0][2], sorted(received[0][2]))
check("d365o delete bearer", received[-1][2].get("Authorization") == "Bearer " + D365O_SECRETS[1], "")
received.clear()
st, hd, body = d365o_delete(D365O)
check("d365o token reused", st == 200 and [r[:2] for r in received] == [("DELETE", D365O_PATH)], [r[:2] for r in received])
received.clear()
script[("DELETE", D365O_PATH)] = [(401, {"WWW-Authenticate": "Bearer authorization_uri=https://login.microsoftonline.com/" + D365O_TENANT + "/oauth2/authorize"}, b""),
                                  (204, {}, b"")]
st, hd, body = d365o_delete(D365O)
check("d365o 401 renews once", st == 200 and [r[:2] for r in received] == [("DELETE", D365O_PATH), ("POST", D365O_TOKEN_PATH), ("DELETE", D365O_PATH)],
      (st, [r[:2] for r in received]))
check("d365o repeat carries the new token", received[-1][2].get("Authorization") == "Bearer " + D365O_SECRETS[2], "")
received.clear()
script[("POST", D365O_REFUSED_PATH)] = (401, {"Content-Type": "application/json; charset=utf-8"},
    b'{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215],"trace_id":"0f1e"}')
st, hd, body = d365o_delete(D365O_REFUSED); b = is_error("d365o refused grant", st, hd, body, 401, remote=True)
check("d365o refused names account", D365O_REFUSED in (b or {}).get("message", "") and "AADSTS7000215" in (b or {}).get("message", ""), body[:300])
check("d365o refused no delete", [r[:2] for r in received] == [("POST", D365O_REFUSED_PATH)], [r[:2] for r in received])
d365o_proc.terminate()
try:
    d365o_out, d365o_err = d365o_proc.communicate(timeout=15)
except subprocess.TimeoutExpired:
    d365o_proc.kill(); d365o_out, d365o_err = d365o_proc.communicate()
for s in D365O_SECRETS:
    check("d365o no secret in logs " + s, s not in d365o_out and s not in d365o_err, "")

print(f"{passes} passed, {len(fails)} failed")
for f in fails: print("FAIL", f)
sys.exit(1 if fails else 0)
