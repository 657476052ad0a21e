from django.urls import path

from . import views

urlpatterns = [
    path("invoices/", views.invoice_list, name="invoices"),  # fortnox: none own-route
    path("suppliers/<int:number>/", views.supplier_detail),  # fortnox: none own-route
]
