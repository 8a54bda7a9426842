#!/usr/bin/python3
"""Eclipse Paho (Debian's python3-paho-mqtt) as an interop peer of `capteur broker`.

Runs one scenario given as JSON in argv[1] and prints one line per event on stdout, the format every interop client
script shares (tests/interop/Clients/ClientLine.cs parses it):

    connected session_present=0|1
    subscribed granted=1,1            (granted QoS, or the MQTT 5 reason code, per filter)
    published topic=T rc=N|ok|?       (after PUBACK/PUBCOMP, or once sent for QoS 0; ? = the API does not say)
    message topic=T qos=Q retain=0|1 expiry=N user=K:V payload=P
    disconnected                      (after a clean DISCONNECT)
    error TEXT

Scenario keys: host, port, clientId, protocol (4 = MQTT 3.1.1, 5), clean, sessionExpiry (MQTT 5), will {topic, payload,
qos, retain}, subscribe [{filter, qos}], publish [{topic, payload, qos, retain, userProperty [name, value],
messageExpiry}], then ("exit": disconnect once everything is acknowledged; "wait": stay connected until a line
`disconnect` or end of file on stdin).
"""

import json
import sys
import threading

import paho.mqtt
import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

TIMEOUT_S = 10
# paho 2.x passes reason codes to on_publish (callback API version 2); 1.x parses the PUBACK reason code and drops it.
CALLBACK_API_V2 = hasattr(mqtt, "CallbackAPIVersion")
print_lock = threading.Lock()


def say(line):
    with print_lock:
        print(line, flush=True)


def code(value):
    return getattr(value, "value", value)


def main():
    s = json.loads(sys.argv[1])
    v5 = s.get("protocol", 4) == 5
    protocol = mqtt.MQTTv5 if v5 else mqtt.MQTTv311
    clean = s.get("clean", True)
    if CALLBACK_API_V2:
        client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=s["clientId"], protocol=protocol,
                             clean_session=None if v5 else clean)
    else:
        client = mqtt.Client(client_id=s["clientId"], protocol=protocol, clean_session=None if v5 else clean)

    connected = threading.Event()
    subscribed = threading.Event()
    publish_codes = {}

    def on_connect(_client, _userdata, flags, rc, _properties=None):
        if code(rc) != 0:
            say(f"error connect refused rc={code(rc)}")
            connected.set()
            return
        present = flags.session_present if hasattr(flags, "session_present") else flags.get("session present", 0)
        say(f"connected session_present={1 if present else 0}")
        connected.set()

    def on_subscribe(_client, _userdata, _mid, granted, _properties=None):
        say("subscribed granted=" + ",".join(str(code(g)) for g in granted))
        subscribed.set()

    def on_publish(_client, _userdata, mid, rc=None, _properties=None):
        publish_codes[mid] = code(rc) if rc is not None else None

    def on_message(_client, _userdata, msg):
        props = msg.properties if v5 else None
        expiry = getattr(props, "MessageExpiryInterval", "") if props is not None else ""
        user = ",".join(f"{k}:{v}" for k, v in getattr(props, "UserProperty", [])) if props is not None else ""
        payload = msg.payload.decode("utf-8", errors="replace")
        say(f"message topic={msg.topic} qos={msg.qos} retain={1 if msg.retain else 0} expiry={expiry} user={user} payload={payload}")

    client.on_connect = on_connect
    client.on_subscribe = on_subscribe
    client.on_publish = on_publish
    client.on_message = on_message

    will = s.get("will")
    if will:
        client.will_set(will["topic"], will["payload"], will["qos"], will["retain"])

    if v5:
        props = Properties(PacketTypes.CONNECT)
        if s.get("sessionExpiry"):
            props.SessionExpiryInterval = s["sessionExpiry"]
        client.connect(s["host"], s["port"], keepalive=30, clean_start=clean, properties=props)
    else:
        client.connect(s["host"], s["port"], keepalive=30)
    client.loop_start()
    if not connected.wait(TIMEOUT_S):
        say(f"error no CONNACK within {TIMEOUT_S} s")
        return 2

    subscriptions = s.get("subscribe") or []
    if subscriptions:
        client.subscribe([(sub["filter"], sub["qos"]) for sub in subscriptions])
        if not subscribed.wait(TIMEOUT_S):
            say(f"error no SUBACK within {TIMEOUT_S} s")
            return 2

    for p in s.get("publish") or []:
        props = None
        if v5 and (p.get("userProperty") or p.get("messageExpiry")):
            props = Properties(PacketTypes.PUBLISH)
            if p.get("userProperty"):
                props.UserProperty = tuple(p["userProperty"])
            if p.get("messageExpiry"):
                props.MessageExpiryInterval = p["messageExpiry"]
        payload = p["payload"].encode("utf-8") if p["payload"] else None
        info = client.publish(p["topic"], payload, p["qos"], p["retain"], properties=props)
        info.wait_for_publish(TIMEOUT_S)
        if not info.is_published():
            say(f"error publish to {p['topic']} not acknowledged within {TIMEOUT_S} s")
            return 2
        rc = publish_codes.get(info.mid)
        say(f"published topic={p['topic']} rc={'?' if rc is None else rc}")

    if s.get("then", "exit") == "wait":
        for line in sys.stdin:
            if line.strip() == "disconnect":
                break

    client.disconnect()
    client.loop_stop()
    say("disconnected")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # the harness quotes this line in the failing cell
        say(f"error {type(error).__name__}: {error}")
        sys.exit(2)
