import { Injectable } from "@angular/core";
import { HttpClient, HttpParams } from "@angular/common/http";
import { Observable } from "rxjs";
import { environment } from "../../environments/environment";

@Injectable({ providedIn: "root" })
export class AccountingService {
  private readonly api = environment.fortnoxApi;

  constructor(private http: HttpClient) {}

  vouchers(year: number): Observable<unknown> {
    const params = new HttpParams().set("financialyear", String(year));
    return this.http.get(`${this.api}/vouchers`, { params });  // fortnox: cross-file GET /3/vouchers bookkeeping
  }

  account(number: number): Observable<unknown> {
    return this.http.get(`${this.api}/accounts/${number}`);  // fortnox: cross-file GET /3/accounts/{} bookkeeping
  }

  track(event: string): Observable<unknown> {
    return this.http.post(environment.analyticsUrl, { event });
  }
}
