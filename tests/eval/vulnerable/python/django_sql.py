"""Django views that reach raw SQL through the ORM's escape hatches."""
from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import JsonResponse

from shop.models import Order, Product


def products_by_tag(request):
    tag = request.GET["tag"]
    rows = Product.objects.raw("SELECT * FROM shop_product WHERE tag = '%s'" % tag)  # vuln: sql-injection
    return JsonResponse({"ids": [p.id for p in rows]})


def products_ranked(request):
    weight = request.GET.get("w", "1")
    qs = Product.objects.annotate(score=RawSQL("price * " + weight, []))  # vuln: sql-injection
    return JsonResponse({"n": qs.count()})


def orders_extra(request):
    status = request.GET["status"]
    qs = Order.objects.extra(where=["status = '%s'" % status])  # vuln: sql-injection
    return JsonResponse({"n": qs.count()})


def orders_select_extra(request):
    field = request.GET["field"]
    qs = Order.objects.extra(select={"v": f"SELECT max({field}) FROM shop_order"})  # vuln: sql-injection
    return JsonResponse({"n": qs.count()})


def cursor_direct(request):
    sku = request.POST["sku"]
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE shop_product SET stock = stock - 1 WHERE sku = '{sku}'")  # vuln: sql-injection
    return JsonResponse({"ok": True})


# --- near misses ------------------------------------------------------------------------------

def products_by_tag_safe(request):
    rows = Product.objects.raw("SELECT * FROM shop_product WHERE tag = %s", [request.GET["tag"]])  # safe: sql-injection
    return JsonResponse({"ids": [p.id for p in rows]})


def products_ranked_safe(request):
    qs = Product.objects.annotate(score=RawSQL("price * %s", [float(request.GET.get("w", 1))]))  # safe: sql-injection
    return JsonResponse({"n": qs.count()})


def orders_filter(request):
    qs = Order.objects.filter(status=request.GET["status"])  # safe: sql-injection
    return JsonResponse({"n": qs.count()})
