package org.homeward.rota.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.homeward.rota.AddOnCall;
import org.homeward.rota.OnCall;
import org.homeward.rota.RotaService;
import org.homeward.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/on-call")
@Tag(name = "On-call rota", description = "Who is on call for each ward's escalation tier")
class RotaApiController {

    private final RotaService rota;

    RotaApiController(RotaService rota) {
        this.rota = rota;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Put someone of your own organisation on call for a ward's tier (coordinator or senior)")
    OnCall add(CurrentUser user, @RequestBody AddOnCall body) {
        return rota.add(user, body);
    }

    @GetMapping
    @Operation(summary = "Everyone on call now, by ward and tier")
    List<OnCall> now(CurrentUser user) {
        return rota.onCallNow(user);
    }
}
