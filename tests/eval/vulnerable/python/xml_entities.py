"""XML uploads parsed with entity expansion or external entities enabled.

The standard library's expat-based parsers resolve no external entities and, with expat 2.4.1
or newer, refuse exponential entity expansion: those lines are near misses here. lxml before 5.0
resolves entities (file:// included) unless told not to.
"""
import xml.dom.minidom
import xml.etree.ElementTree as ET
import xml.sax
from xml.dom import pulldom
from xml.sax.handler import feature_external_ges, feature_external_pes

import defusedxml.ElementTree as SafeET
import xmltodict
from lxml import etree, objectify


def import_feed(request):
    parser = etree.XMLParser(resolve_entities=True)  # vuln: xml-entities
    return etree.fromstring(request.data, parser)


def import_invoice(request):
    parser = etree.XMLParser(load_dtd=True, no_network=False)  # vuln: xml-entities
    return etree.parse(request.files["invoice"], parser)


def import_lxml_default(request):
    return etree.fromstring(request.data)  # vuln: xml-entities


def import_sax(request, handler):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)  # vuln: xml-entities
    parser.setContentHandler(handler)
    parser.parse(request.files["doc"])


def import_sax_pes(request, handler):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_pes, True)  # vuln: xml-entities
    parser.setContentHandler(handler)
    parser.parse(request.files["doc"])


def import_objectify(request):
    return objectify.fromstring(request.data)  # vuln: xml-entities


def import_huge(request):
    parser = etree.XMLParser(huge_tree=True, resolve_entities=True)  # vuln: xml-entities
    return etree.XML(request.data, parser)


def import_xslt(request):
    doc = etree.parse(request.files["xslt"])  # vuln: xml-entities
    return etree.XSLT(doc)


def import_iter(request):
    for _, element in etree.iterparse(request.files["big"], load_dtd=True, resolve_entities=True):  # vuln: xml-entities
        yield element.tag


def import_dict(request):
    return xmltodict.parse(request.data, disable_entities=False)  # vuln: xml-entities


# --- near misses ------------------------------------------------------------------------------

def import_feed_safe(request):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)  # safe: xml-entities
    return etree.fromstring(request.data, parser)


def import_defused(request):
    return SafeET.fromstring(request.data)  # safe: xml-entities


# The standard library's parsers on request data: reported, as defusedxml advises, but as
# hardening (low): expat 2.4.1 and later bound entity expansion and fetch no external entities.
def import_etree(request):
    return ET.fromstring(request.get_data())  # vuln: xml-entities


def import_minidom(request):
    return xml.dom.minidom.parseString(request.data)  # vuln: xml-entities


def import_pulldom(request):
    return pulldom.parseString(request.data.decode())  # vuln: xml-entities


def import_sax_safe(request, handler):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)  # safe: xml-entities
    parser.setContentHandler(handler)
    parser.parse(request.files["doc"])


def import_dict_safe(request):
    return xmltodict.parse(request.data)  # safe: xml-entities
