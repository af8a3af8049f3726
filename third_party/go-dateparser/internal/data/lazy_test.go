package data

// Added for Kabar (see KABAR-PATCH.md): locale data is built on the first
// GetLocaleData rather than at initialisation.

import (
	"sync"
	"testing"
)

func TestGetLocaleDataConcurrentFirstUse(t *testing.T) {
	locales := []string{"en", "en-GB", "id", "fr", "az-Cyrl", "zh-Hant", "ar-EG"}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		for _, code := range locales {
			wg.Add(1)
			go func(code string) {
				defer wg.Done()
				ld, ok := GetLocaleData(code)
				if !ok || ld.Name != code || ld.DateOrder == "" || len(ld.Translations) == 0 {
					t.Errorf("GetLocaleData(%q) = %q, %v (order %q, %d translations)", code, ld.Name, ok, ld.DateOrder, len(ld.Translations))
				}
			}(code)
		}
	}
	wg.Wait()
}

func TestChildLocaleInheritsParent(t *testing.T) {
	en, _ := GetLocaleData("en")
	gb, _ := GetLocaleData("en-GB")
	if len(gb.Translations["january"]) == 0 || len(en.Translations["january"]) == 0 {
		t.Fatalf("january: en %v, en-GB %v", en.Translations["january"], gb.Translations["january"])
	}
	if gb.RxCombined == nil || gb.RxCombined.String() == "" {
		t.Error("en-GB has no combined expression from en")
	}
}

func TestEveryLocaleLoads(t *testing.T) {
	for code := range LocaleOrder {
		if ld, ok := GetLocaleData(code); !ok || ld.Name != code {
			t.Errorf("GetLocaleData(%q) = %q, %v", code, ld.Name, ok)
		}
	}
}
