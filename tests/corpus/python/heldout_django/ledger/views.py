from django.http import JsonResponse

from .fortnox import FortnoxService


def invoice_list(request):
    service = FortnoxService(request.session["fortnox_token"])
    return JsonResponse({"invoices": service.invoices(filter="unpaid")})


def supplier_detail(request, number):
    return JsonResponse(FortnoxService(request.session["fortnox_token"]).supplier(number))
