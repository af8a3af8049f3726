package fakediscord

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
)

// File is one file uploaded with a message, as Discord takes them: a
// multipart/form-data body whose "payload_json" part is the message and
// whose "files[n]" parts are the files.
type File struct {
	Field       string // the form field, "files[0]"
	Name        string // the file name
	ContentType string
	Data        []byte
}

// maxUpload is Discord's default upload limit per message (25 MiB).
const maxUpload = 25 << 20

// splitMultipart reads a multipart upload: it returns the payload_json
// part as the body, with an "attachments" list describing the files (as
// Discord shows them on the stored message), and the files. A body that
// is not multipart is returned as it came. ok is false for a malformed
// upload.
func splitMultipart(r *http.Request, raw []byte) (body []byte, files []File, ok bool) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") {
		return raw, nil, true
	}
	mr := multipart.NewReader(bytes.NewReader(raw), params["boundary"])
	var payload []byte
	total := 0
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return raw, nil, false
		}
		data, err := io.ReadAll(io.LimitReader(p, maxUpload+1))
		if err != nil {
			return raw, nil, false
		}
		total += len(data)
		if total > maxUpload {
			return raw, nil, false
		}
		switch name := p.FormName(); {
		case name == "payload_json":
			payload = data
		case strings.HasPrefix(name, "files["):
			files = append(files, File{Field: name, Name: p.FileName(), ContentType: p.Header.Get("Content-Type"), Data: data})
		}
	}
	if payload == nil {
		payload = []byte("{}")
	}
	var msg map[string]any
	if err := json.Unmarshal(payload, &msg); err != nil {
		return raw, nil, false
	}
	if len(files) > 0 {
		atts := make([]any, 0, len(files))
		for i, f := range files {
			atts = append(atts, map[string]any{
				"id": fmt.Sprint(i), "filename": f.Name, "size": len(f.Data), "content_type": f.ContentType,
				"url": "https://cdn.discordapp.com/attachments/fake/" + f.Name,
			})
		}
		msg["attachments"] = atts
	}
	out, err := json.Marshal(msg)
	if err != nil {
		return raw, nil, false
	}
	return out, files, true
}

// attachmentsOf returns the "attachments" a message body carries, when it
// carries any: what an upload adds to the stored message.
func attachmentsOf(body map[string]any) ([]any, bool) {
	v, ok := body["attachments"].([]any)
	return v, ok
}
