<?php

namespace App\Services\Fortnox\Resources;

use Illuminate\Support\Collection;

class EmployeeResource extends Resource
{
    protected string $resource = 'employees'; // fortnox: resource-property /3/employees salary; resource-property /3/employees/{} salary

    protected string $collectionKey = 'EmployeeListItems';

    protected string $entityKey = 'Employee';

    public function active(): Collection
    {
        return $this->all()->reject(fn (array $employee) => (bool) ($employee['Inactive'] ?? false));
    }

    public function scheduleTime(string $employeeId, string $date): array
    {
        return $this->client->get("/scheduletimes/{$employeeId}/{$date}")['ScheduleTime']; // fortnox: cross-file GET /3/scheduletimes/{}/{} salary
    }
}
